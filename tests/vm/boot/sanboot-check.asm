; SPDX-License-Identifier: GPL-3.0-or-later
; A boot sector for tst_boot_serve_vm: loaded by the BIOS from the AoE disk that iPXE sanbooted (drive DL), it
; reads one sector far into the disk (past iPXE's 8 MiB limit) with the INT 13h extensions, prints its first 32
; bytes on COM1 after "AOESAN-SANBOOT ", and ends qemu through the isa-debug-exit port 0xf4.
; nasm -f bin -o sanboot-check.bin sanboot-check.asm
bits 16
org 0x7c00

MARK_LBA equ 20480                      ; 10 MiB into the disk

start:
        cli
        xor ax, ax
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov sp, 0x7c00
        sti
        mov [drive], dl
        call serial_init
        mov si, hello
        call print
        mov ah, 0x42                    ; extended read: DS:SI = disk address packet
        mov dl, [drive]
        mov si, packet
        int 0x13
        jc .failed
        mov si, 0x8000                  ; the sector's first 32 bytes, as they are
        mov cx, 32
.byte:
        lodsb
        call putc
        loop .byte
        mov si, newline
        call print
        mov al, 0x31                    ; exit code (0x31 << 1) | 1 = 99: it read the disk
        out 0xf4, al
        jmp halt
.failed:
        mov si, error
        call print
        mov al, 0x10
        out 0xf4, al
halt:
        hlt
        jmp halt

serial_init:                            ; COM1, 115200 8N1, no interrupts
        mov dx, 0x3f9
        xor al, al
        out dx, al
        mov dx, 0x3fb
        mov al, 0x80
        out dx, al
        mov dx, 0x3f8
        mov al, 1
        out dx, al
        mov dx, 0x3f9
        xor al, al
        out dx, al
        mov dx, 0x3fb
        mov al, 3
        out dx, al
        ret

print:                                  ; DS:SI, zero-terminated
        lodsb
        test al, al
        jz .done
        call putc
        jmp print
.done:
        ret

putc:                                   ; AL, once the transmitter is empty
        push dx
        push ax
        mov dx, 0x3fd
.wait:
        in al, dx
        test al, 0x20
        jz .wait
        pop ax
        mov dx, 0x3f8
        out dx, al
        pop dx
        ret

drive:  db 0
packet: db 16, 0                        ; size, reserved
        dw 1                            ; sectors
        dw 0x8000, 0                    ; buffer offset, segment
        dq MARK_LBA
hello:  db 13, 10, "AOESAN-SANBOOT ", 0
newline: db 13, 10, 0
error:  db "INT13-READ-FAILED", 13, 10, 0

        times 446 - ($ - $$) db 0       ; no partition table
        times 510 - ($ - $$) db 0
        dw 0xaa55
