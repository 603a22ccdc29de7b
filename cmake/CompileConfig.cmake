# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language standard, warnings and Qt's strict defines.
# Every aoesan target links it; nothing is set directory-wide.
add_library(aoesan_compile_options INTERFACE)
add_library(aoesan::compile_options ALIAS aoesan_compile_options)

target_compile_features(aoesan_compile_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(aoesan_compile_options INTERFACE
    -Wall -Wextra -Wpedantic
    -Wcast-align -Wconversion -Wsign-conversion -Wshadow -Wnon-virtual-dtor
    -Woverloaded-virtual -Wdouble-promotion -Wformat=2
    -Wimplicit-fallthrough -Wmissing-declarations
    $<$<BOOL:${AOESAN_WERROR}>:-Werror>)

target_compile_definitions(aoesan_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SPDLOG_FMT_EXTERNAL
    $<$<NOT:$<CONFIG:Debug>>:_FORTIFY_SOURCE=2>)

# What Debian's hardening=+all gives a package: a stack protector, and the relocation tables read-only from
# the start (relro + bindnow).
target_compile_options(aoesan_compile_options INTERFACE -fstack-protector-strong -fstack-clash-protection)
target_link_options(aoesan_compile_options INTERFACE -Wl,-z,relro -Wl,-z,now)

if(AOESAN_SANITIZE)
    target_compile_options(aoesan_compile_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(aoesan_compile_options INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer (tests/fuzz): every aoesan target gets the coverage instrumentation and the sanitizers; only the
# fuzzers themselves link libFuzzer's main (-fsanitize=fuzzer, in tests/fuzz/CMakeLists.txt).
if(AOESAN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "AOESAN_FUZZ needs clang (libFuzzer): configure with CC=clang CXX=clang++")
    endif()
    target_compile_options(aoesan_compile_options INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(aoesan_compile_options INTERFACE -fsanitize=address,undefined)
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
