#pragma once

#include <QString>

namespace nrdb::test {

// A tmpfs of a given size mounted on a fresh directory under /tmp (mode 1777, so a server that
// runs as another user can keep its data there), unmounted and removed on destruction. Mounting
// needs root: where it cannot be mounted, mount() says why and the test skips.
// Thread: one thread.
class SmallFilesystem {
public:
    SmallFilesystem() = default;
    ~SmallFilesystem();
    SmallFilesystem(const SmallFilesystem &) = delete;
    SmallFilesystem &operator=(const SmallFilesystem &) = delete;

    // Empty on success; otherwise why nothing was mounted.
    QString mount(qint64 bytes);
    QString path() const { return m_path; }
    QString filePath(const QString &name) const;

    // A filler file takes all but `free` bytes (to within one page); removeFiller() gives them back.
    bool fillLeaving(qint64 free);
    void removeFiller();

private:
    QString m_path;
    bool m_mounted = false;
};

} // namespace nrdb::test
