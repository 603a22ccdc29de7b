; SPDX-License-Identifier: GPL-3.0-or-later
; sanboot-mbr.asm - boot sector of tst_ipxe_sanboot (issue [10]). iPXE's `sanboot aoe:eX.Y` hooks
; the AoE disk as INT 13h drive DL and loads this sector to 0x7c00. It then shows, on COM1, what it
; reads through iPXE from aoesan's engine: the size (AH=48h) and a CRC32 of every 64-sector read
; (AH=42h) of the ranges in `ranges` below. The host recomputes those CRCs from the image file
; (sanboot-check.py); nothing here decides pass or fail.
;
; Each line starts with CR LF (the last one also ends with it); numbers are decimal, HH hex:
;   AOESAN-BOOT size=N                        sectors, from AH=48h
;   AOESAN-BOOT CRC lba=N n=64 crc=HHHHHHHH   one per read; zlib's CRC32 of the 64 sectors
;   AOESAN-BOOT OK N                          N sectors read in all
;   AOESAN-BOOT ERR ah=HH lba=N               INT 13h failed with status AH (lba=0: AH=48h);
;                                             ah=00: a read moved fewer sectors than asked
; then it powers the machine off through QEMU's ACPI PM1a control register and halts.
;
; It must fit in 446 bytes: the partition table stays empty, because iPXE guesses the disk's
; geometry from it. Hence the terse code (registers, inline strings, ranges counted down in place).
;
; Build: nasm -f bin -DTOTAL=SECTORS -o sanboot-mbr.bin sanboot-mbr.asm
; TOTAL is the image size in sectors; the last range ends there.

bits 16
org 0x7c00

%ifndef TOTAL
%error "TOTAL (image size in sectors) is required: nasm -DTOTAL=N"
%endif
%if TOTAL < 65600
%error "TOTAL must be above 65600: one range crosses LBA 65536"
%endif

COM1     equ 0x3f8
BUF_SEG  equ 0x1000     ; reads land at 0x10000; 64 sectors (32 KiB) stay inside one segment
PER_READ equ 64
PARAMS   equ 0x0500     ; AH=48h result buffer in free conventional memory; sectors at +0x10

start:
    cli
    xor ax, ax
    mov ds, ax
    mov ss, ax
    mov sp, 0x7c00
    sti
    cld
    push BUF_SEG        ; es: where the reads land (only the CRC loop reads through es)
    pop es
    ; iPXE jumps to 0000:7c00, so cs is 0 as the absolute labels here (msg's jmp si) assume.
    mov [drive], dl

    ; the size in sectors, as iPXE learnt it from the target's IDENTIFY; reported once COM1 works
    mov word [PARAMS], 0x1a
    mov si, PARAMS
    mov ah, 0x48
    int 0x13
    pushf
    push ax

    ; COM1: 115200 8N1, no interrupts (the register's offset and value, in pairs)
    mov si, uart_setup
    mov cx, (uart_setup_end - uart_setup) / 2
.uart:
    lodsw
    mov dx, COM1
    add dl, al
    mov al, ah
    out dx, al
    loop .uart

    pop ax
    popf
    jc fail             ; dap_lba is still 0
    call tagmsg
    db "size=", 0
    mov eax, [PARAMS + 0x10]
    call dec32

    ; di: the current range {reads left (byte), next LBA (dword)}; INT 13h keeps di
    mov di, ranges
next_read:
    cmp byte [di], 0
    je done
    mov eax, [di + 1]
    mov [dap_lba], eax
    mov si, dap
    mov ah, 0x42
    mov dl, [drive]
    int 0x13
    jc fail
    mov ah, 0
    cmp byte [dap_count], PER_READ ; the sectors moved, as the call leaves the count
    jne fail

    ; CRC32 (reflected, polynomial 0xedb88320, as zlib's) of the 64 sectors at BUF_SEG:0
    mov bp, PER_READ * 512
    xor si, si
    or eax, -1
.byte:
    xor al, [es:si]
    inc si
    mov bl, 8
.bit:
    shr eax, 1
    jnc .nopoly
    xor eax, 0xedb88320
.nopoly:
    dec bl
    jnz .bit
    dec bp
    jnz .byte
    not eax
    push eax

    call tagmsg
    db "CRC lba=", 0
    mov eax, [dap_lba]
    call dec32
    call msg
    db " n=64 crc=", 0
    pop eax
    mov cx, 8
    call hexn

    add dword [di + 1], PER_READ
    add dword [total], PER_READ
    dec byte [di]
    jnz next_read
    add di, 5
    jmp next_read

done:
    call tagmsg
    db "OK ", 0
    mov eax, [total]
    call dec32
    jmp off

fail:
    push ax
    call tagmsg
    db "ERR ah=", 0
    pop ax
    mov al, ah
    shl eax, 24
    mov cx, 2
    call hexn
    call msg
    db " lba=", 0
    mov eax, [dap_lba]
    call dec32
off:
    call msg
    db 13, 10, 0
    mov ax, 0x2000      ; SLP_EN with sleep type 0: S5 on QEMU's ACPI PM1a control register,
    mov dx, 0x604       ; which is at 0x604 on q35
    out dx, ax
    mov dx, 0xb004      ; and at 0xb004 on pc (i440fx); the host kills qemu if neither works
    out dx, ax
.halt:
    cli
    hlt
    jmp .halt

; --- COM1 output --------------------------------------------------------------------------
putc:                   ; al; keeps every register
    push dx
    push ax
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20       ; transmitter holding register empty
    jz .wait
    pop ax
    mov dx, COM1
    out dx, al
    pop dx
    ret

tagmsg:                 ; CR LF "AOESAN-BOOT ", then the string after the call
    mov si, s_tag
    call puts
msg:                    ; the zero-terminated string after the call; returns past it
    pop si
    call puts
    jmp si

puts:                   ; ds:si, zero-terminated; si ends past the zero
    lodsb
    test al, al
    jz .end
    call putc
    jmp puts
.end:
    ret

hexn:                   ; the top cx nibbles of eax
    rol eax, 4
    push ax
    and al, 0x0f        ; 0-9 to '0'-'9', 10-15 to 'A'-'F'
    cmp al, 10
    sbb al, 0x69
    das
    call putc
    pop ax
    loop hexn
    ret

dec32:                  ; eax, unsigned
    xor ebx, ebx
    mov bl, 10
    xor cx, cx
.div:
    xor edx, edx
    div ebx
    push dx
    inc cx
    test eax, eax
    jnz .div
.out:
    pop ax
    add al, '0'
    call putc
    loop .out
    ret

; --- data ---------------------------------------------------------------------------------
uart_setup:
    db 1, 0x00          ; no interrupts
    db 3, 0x80          ; DLAB on
    db 0, 0x01          ; divisor 1: 115200 baud
    db 1, 0x00
    db 3, 0x03          ; 8N1, DLAB off
uart_setup_end:

; {64-sector reads, first LBA}: the start of the disk with this sector, a range across LBA 65536
; (where an LBA outgrows 16 bits), and the end of the image; sanboot-check.py expects exactly these.
ranges:
    db 32
    dd 0
    db 2
    dd 65536 - 64
    db 2
    dd TOTAL - 128
    db 0

dap:
    db 0x10, 0
dap_count:
    dw PER_READ
    dw 0, BUF_SEG       ; buffer offset, segment (es)
dap_lba:
    dd 0, 0

total: dd 0
drive: db 0
s_tag: db 13, 10, "AOESAN-BOOT ", 0

    times 0x1be - ($ - $$) db 0
    times 64 db 0       ; the empty partition table
    dw 0xaa55
