# frontdesk_add_test(NAME name SOURCES ... LIBS ... LABELS unit|integration|gui|bench [ENV ...])
# One Qt Test executable per class or feature; every test runs headless.
function(frontdesk_add_test)
    cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    set(target tst_${T_NAME})
    add_executable(${target} ${T_SOURCES})
    target_link_libraries(${target} PRIVATE Qt6::Test frontdesk_build_flags ${T_LIBS})
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    add_test(NAME ${T_NAME} COMMAND ${target})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABELS}"
        TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;FRONTDESK_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;${T_ENV}")
endfunction()
