#pragma once

#include "backup/clienttools.h"
#include "util/result.h"

#include <QString>

namespace nrdb {

// Proof that a backup file is a whole archive before it gets its final name, and before a
// restore touches anything. Any thread.
namespace archivecheck {

// A gzip stream that decompresses completely (CRC included) to SQL ending with pg_dump's
// completion line.
Status plainGzip(const QString &path);
// pg_restore --list reads the table of contents of a custom or directory archive, and it is not
// empty. Returns its entries ("3052; 1259 16387 TABLE netraven users netraven").
Result<QStringList> pgRestoreList(const ClientTools &tools, const QString &path);
// pg_restore reads the whole custom or directory archive, every data block decompressed, into
// /dev/null: what --list cannot see, a file cut short after its table of contents.
Status pgRestoreWhole(const ClientTools &tools, const QString &path);
// A custom or directory archive proven whole in-process (dumparchive: every data block or file
// where its table of contents says, the file ending where the last block does), which costs one
// read of the file; and, when decompress asks, read through by pg_restore as well. An archive
// version the in-process reader does not know is read through by pg_restore instead.
Status provenWhole(const ClientTools &tools, const QString &path, bool decompress);
// Both: pg_restore --list reads the table of contents, then the archive is proven whole as above.
// Returns the table of contents' entries.
Result<QStringList> listedAndWhole(const ClientTools &tools, const QString &path, bool decompress);

} // namespace archivecheck
} // namespace nrdb
