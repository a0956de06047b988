# SQLCipher exports the same sqlite3_* names as plain SQLite. Whichever library is loaded first
# wins, and a process that reaches plain SQLite writes plaintext without a word. So we link the
# static archive into our binaries and keep its symbols private (--exclude-libs): our code always
# calls SQLCipher, and nothing loaded later (for example Qt's QSQLITE plugin) can interpose.
find_library(SQLCIPHER_STATIC_LIBRARY NAMES libsqlcipher.a HINTS ${SQLCIPHER_LIBRARY_DIRS} REQUIRED)
add_library(frontdesk_sqlcipher INTERFACE)
target_include_directories(frontdesk_sqlcipher SYSTEM INTERFACE ${SQLCIPHER_INCLUDE_DIRS})
target_compile_definitions(frontdesk_sqlcipher INTERFACE SQLITE_HAS_CODEC)
target_link_libraries(frontdesk_sqlcipher INTERFACE ${SQLCIPHER_STATIC_LIBRARY} OpenSSL::Crypto
    ${CMAKE_DL_LIBS} Threads::Threads)
target_link_options(frontdesk_sqlcipher INTERFACE -Wl,--exclude-libs,ALL)

if(FRONTDESK_FUZZ)
    # clang links its sanitizer and fuzzer runtimes as static archives; --exclude-libs,ALL would
    # hide their operator new/delete and every free would look wild. Keeping SQLCipher's own
    # symbols private is what matters.
    set_property(TARGET frontdesk_sqlcipher PROPERTY INTERFACE_LINK_OPTIONS
        -Wl,--exclude-libs,libsqlcipher.a)
endif()
