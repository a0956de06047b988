# Warnings, hardening and sanitizers for every target of the project, through one interface target.
add_library(frontdesk_build_flags INTERFACE)
target_compile_options(frontdesk_build_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wformat=2 -fstack-protector-strong)
# Shadowed locals: GCC's spelling; clang (the fuzz build) calls the same check differently.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(frontdesk_build_flags INTERFACE -Wshadow=local)
else()
    target_compile_options(frontdesk_build_flags INTERFACE -Wshadow-uncaptured-local)
endif()
target_compile_definitions(frontdesk_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    FRONTDESK_VERSION="${PROJECT_VERSION}")
if(NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
    target_compile_definitions(frontdesk_build_flags INTERFACE _FORTIFY_SOURCE=2)
endif()
target_link_options(frontdesk_build_flags INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,--as-needed)
if(FRONTDESK_JEMALLOC)
    # --no-as-needed: the line above leaves out a library that none of a program's objects refers
    # to. jemalloc is there for the libraries' allocations too (Qt's, libstdc++'s operator new,
    # SQLCipher's), so it stays whatever the program's own code calls.
    target_link_libraries(frontdesk_build_flags INTERFACE
        "-Wl,--push-state,--no-as-needed" PkgConfig::JEMALLOC "-Wl,--pop-state")
endif()
if(FRONTDESK_WERROR)
    target_compile_options(frontdesk_build_flags INTERFACE -Werror)
endif()
# A Debug build with GCC keeps each object's debug info in a .dwo file beside it (split DWARF)
# instead of copying it into every program that links the object, and compresses what a program
# still carries (the name index that split DWARF adds, line tables): the dev build's hundred
# test programs took 7 GB of disk without both. gdb reads either; the packages are stripped.
# The sanitizer build leaves it out, so that its reports read file and line from the programs.
if(CMAKE_BUILD_TYPE STREQUAL "Debug" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"
        AND NOT FRONTDESK_SANITIZE)
    target_compile_options(frontdesk_build_flags INTERFACE -gsplit-dwarf)
    target_link_options(frontdesk_build_flags INTERFACE -Wl,--compress-debug-sections=zlib)
endif()
if(FRONTDESK_SHARED_LIBS)
    target_compile_definitions(frontdesk_build_flags INTERFACE FRONTDESK_SHARED_LIBS)
endif()
if(FRONTDESK_SANITIZE)
    target_compile_options(frontdesk_build_flags INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(frontdesk_build_flags INTERFACE -fsanitize=address,undefined)
endif()
if(FRONTDESK_FUZZ)
    target_compile_options(frontdesk_build_flags INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    target_link_options(frontdesk_build_flags INTERFACE -fsanitize=address,undefined)
endif()
