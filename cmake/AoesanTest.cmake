# SPDX-License-Identifier: GPL-3.0-or-later
# aoesan_add_test(NAME tst_foo SOURCES a.cpp LIBS aoesan_core LABELS unit [TIMEOUT 60])
# One Qt Test executable per unit; ctest labels select unit, net, gui, vm and bench.
function(aoesan_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    set_target_properties(${T_NAME} PROPERTIES AUTOMOC ON)
    target_link_libraries(${T_NAME} PRIVATE aoesan::compile_options Qt6::Test ${T_LIBS} aoesan::test_doubles)
    target_compile_definitions(${T_NAME} PRIVATE
        AOESAN_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    # Qt Test prints "SKIP" for tests that need root or a tool; ctest treats the exit code.
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;AOESAN_LOG=warn")
endfunction()
