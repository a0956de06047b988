# SQLCipher exports the same sqlite3_* names as plain SQLite. Whichever library is loaded first
# wins, and a process that reaches plain SQLite writes plaintext without a word. So we link the
# static archive into our binaries and keep its symbols private (--exclude-libs): our code always
# calls SQLCipher, and nothing loaded later (for example Qt's QSQLITE plugin) can interpose.
# A shared build of our libraries (FRONTDESK_SHARED_LIBS, the sanitizer build) cannot take in
# Debian's archive, which is not position-independent: it links libsqlcipher.so, loaded with the
# program before anything could bring plain SQLite. Nothing built that way is installed.
if(FRONTDESK_SHARED_LIBS)
    find_library(SQLCIPHER_SHARED_LIBRARY NAMES libsqlcipher.so HINTS ${SQLCIPHER_LIBRARY_DIRS}
        REQUIRED)
    set(frontdesk_sqlcipher_library ${SQLCIPHER_SHARED_LIBRARY})
else()
    find_library(SQLCIPHER_STATIC_LIBRARY NAMES libsqlcipher.a HINTS ${SQLCIPHER_LIBRARY_DIRS}
        REQUIRED)
    set(frontdesk_sqlcipher_library ${SQLCIPHER_STATIC_LIBRARY})
endif()
add_library(frontdesk_sqlcipher INTERFACE)
target_include_directories(frontdesk_sqlcipher SYSTEM INTERFACE ${SQLCIPHER_INCLUDE_DIRS})
target_compile_definitions(frontdesk_sqlcipher INTERFACE SQLITE_HAS_CODEC)
target_link_libraries(frontdesk_sqlcipher INTERFACE ${frontdesk_sqlcipher_library} OpenSSL::Crypto
    ${CMAKE_DL_LIBS} Threads::Threads)
if(NOT FRONTDESK_SHARED_LIBS)
    target_link_options(frontdesk_sqlcipher INTERFACE -Wl,--exclude-libs,ALL)
endif()

if(FRONTDESK_FUZZ)
    # clang links its sanitizer and fuzzer runtimes as static archives; --exclude-libs,ALL would
    # hide their operator new/delete and every free would look wild. Keeping SQLCipher's own
    # symbols private is what matters.
    set_property(TARGET frontdesk_sqlcipher PROPERTY INTERFACE_LINK_OPTIONS
        -Wl,--exclude-libs,libsqlcipher.a)
endif()
