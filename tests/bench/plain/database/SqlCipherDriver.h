#pragma once

// Stands in for models/database/SqlCipherDriver.h in frontdesk_bench_plain ONLY: the product's
// storage code, compiled a second time, then opens its connections through Qt's stock QSQLITE
// driver on Debian's plain libsqlite3, so the benchmarks can put a plain-SQLite figure beside
// every encrypted one. The include path of that one target puts this directory first. Nothing
// that ships may ever see this file: it is exactly the fallback the real driver refuses.

namespace frontdesk {

inline constexpr char kSqlCipherDriverName[] = "QSQLITE";
// The real driver's page sizes, which the storage code names (plain SQLite ignores the
// cipher_page_size pragma it is used in).
inline constexpr int kSqlCipherPageBytes = 4096;
inline constexpr int kSqlCipherLegacyPageBytes = 1024;

inline void registerSqlCipherDriver() {}

} // namespace frontdesk
