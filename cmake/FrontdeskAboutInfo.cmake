# What the About dialog tells: Frontdesk's version, git commit and build date, and the versions
# and licence texts of the libraries it ships with.
#
# frontdesk_add_about_info(TARGET) compiles a generated BuildInfo.cpp into TARGET (rewritten on
# every build, but only changed when the commit or the day changes, so it rarely recompiles) and
# the licence texts as resources :/licences/<name>.txt, taken from the Debian packages'
# /usr/share/doc/<package>/copyright where they exist. The same files are installed with the
# package (installer/CMakeLists.txt reads the global property FRONTDESK_LICENCE_FILES).

# Name, Debian package whose copyright file holds the licence, SPDX identifier.
set(FRONTDESK_THIRD_PARTY
    "Qt|libqt6core6|LGPL-3.0-only OR GPL-2.0-or-later"
    "SQLCipher|libsqlcipher0|BSD-3-Clause"
    "QtKeychain|libqt6keychain1|BSD-2-Clause"
    "libsodium|libsodium23|ISC")
# jemalloc is the programs' allocator where FRONTDESK_JEMALLOC is on (Linux, by default).
if(FRONTDESK_JEMALLOC)
    list(APPEND FRONTDESK_THIRD_PARTY "jemalloc|libjemalloc2|BSD-2-Clause")
    # pkg-config gives e.g. 5.3.0_0: the release is what the About dialog shows.
    string(REGEX REPLACE "_.*" "" FRONTDESK_JEMALLOC_RELEASE "${JEMALLOC_VERSION}")
endif()

function(frontdesk_add_about_info target)
    set(out ${CMAKE_CURRENT_BINARY_DIR}/BuildInfo.cpp)
    set(licence_dir ${CMAKE_CURRENT_BINARY_DIR}/licences)
    set(entries "")
    set(licence_files "")
    foreach(item IN LISTS FRONTDESK_THIRD_PARTY)
        string(REPLACE "|" ";" fields "${item}")
        list(GET fields 0 name)
        list(GET fields 1 package)
        list(GET fields 2 spdx)
        if(EXISTS /usr/share/doc/${package}/copyright)
            configure_file(/usr/share/doc/${package}/copyright ${licence_dir}/${name}.txt COPYONLY)
            list(APPEND licence_files ${licence_dir}/${name}.txt)
        endif()
        string(APPEND entries "${name}|${spdx};")
    endforeach()
    if(licence_files)
        qt_add_resources(${target} frontdesk_licences PREFIX /licences BASE ${licence_dir}
            FILES ${licence_files})
    endif()
    set_property(GLOBAL PROPERTY FRONTDESK_LICENCE_FILES ${licence_files})

    add_custom_target(${target}_build_info
        COMMAND ${CMAKE_COMMAND}
            -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${out}
            -DVERSION=${PROJECT_VERSION}
            -DQTKEYCHAIN_VERSION=${Qt6Keychain_VERSION}
            -DSQLCIPHER_VERSION=${SQLCIPHER_VERSION}
            -DSODIUM_VERSION=${SODIUM_VERSION}
            -DJEMALLOC_VERSION=${FRONTDESK_JEMALLOC_RELEASE}
            -DQT_BUILD_VERSION=${Qt6_VERSION}
            "-DENTRIES=${entries}"
            -P ${PROJECT_SOURCE_DIR}/cmake/FrontdeskWriteBuildInfo.cmake
        BYPRODUCTS ${out}
        COMMENT "Build information (commit and date)"
        VERBATIM)
    target_sources(${target} PRIVATE ${out})
    add_dependencies(${target} ${target}_build_info)
endfunction()
