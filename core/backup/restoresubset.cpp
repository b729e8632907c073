#include "backup/restoresubset.h"

#include <QHash>
#include <QSet>

namespace nrdb::restoresubset {

namespace {

QString qualified(const dumparchive::Entry &entry)
{
    return entry.schema + QLatin1Char('.') + entry.name;
}

// Entries that belong to another object and are restored with it when all they need is there.
bool attaches(const dumparchive::Entry &entry)
{
    static const QSet<QString> kinds{QStringLiteral("TABLE DATA"),
                                     QStringLiteral("INDEX"),
                                     QStringLiteral("CONSTRAINT"),
                                     QStringLiteral("FK CONSTRAINT"),
                                     QStringLiteral("DEFAULT"),
                                     QStringLiteral("SEQUENCE"),
                                     QStringLiteral("SEQUENCE OWNED BY"),
                                     QStringLiteral("SEQUENCE SET"),
                                     QStringLiteral("TRIGGER"),
                                     QStringLiteral("RULE"),
                                     QStringLiteral("POLICY"),
                                     QStringLiteral("ROW SECURITY"),
                                     QStringLiteral("COMMENT"),
                                     QStringLiteral("ACL"),
                                     QStringLiteral("INDEX ATTACH"),
                                     QStringLiteral("STATISTICS")};
    return kinds.contains(entry.description);
}

class Closure {
public:
    explicit Closure(const QList<dumparchive::Entry> &entries)
    {
        for (const dumparchive::Entry &entry : entries)
            m_byId.insert(entry.dumpId, &entry);
    }

    // id and, transitively, everything it needs.
    void includeWithNeeds(int id)
    {
        QList<int> pending{id};
        while (!pending.isEmpty()) {
            const int next = pending.takeLast();
            const dumparchive::Entry *entry = m_byId.value(next);
            if (!entry || m_included.contains(next))
                continue;
            m_included.insert(next);
            pending << entry->dependencies;
        }
    }
    void anchor(int id) { m_anchored.insert(id); }

    // An attaching entry hangs on what is anchored (a comment or a grant on anything restored),
    // and needs nothing left out but sequences (which come with it).
    bool hangsOnAnchored(const dumparchive::Entry &entry) const
    {
        if (!attaches(entry) || entry.dependencies.isEmpty() || m_included.contains(entry.dumpId))
            return false;
        const bool describes =
            entry.description == QLatin1String("COMMENT") || entry.description == QLatin1String("ACL");
        bool anchored = false;
        for (int dependency : entry.dependencies) {
            const dumparchive::Entry *needed = m_byId.value(dependency);
            if (!needed)
                continue;
            anchored = anchored || m_anchored.contains(dependency) || (describes && m_included.contains(dependency));
            if (!m_included.contains(dependency) && needed->description != QLatin1String("SEQUENCE"))
                return false;
        }
        return anchored;
    }

    // What hangs on the anchored entries, until nothing more does.
    void includeAttachments(const QList<dumparchive::Entry> &entries)
    {
        for (bool grew = true; grew;) {
            grew = false;
            for (const dumparchive::Entry &entry : entries) {
                if (!hangsOnAnchored(entry))
                    continue;
                includeWithNeeds(entry.dumpId);
                anchor(entry.dumpId);
                for (int dependency : entry.dependencies) // its sequences belong to the chosen tables too
                    if (const dumparchive::Entry *needed = m_byId.value(dependency);
                        needed && needed->description == QLatin1String("SEQUENCE"))
                        anchor(dependency);
                grew = true;
            }
        }
    }

    QList<int> included(const QList<dumparchive::Entry> &entries) const
    {
        QList<int> ids;
        for (const dumparchive::Entry &entry : entries)
            if (m_included.contains(entry.dumpId))
                ids << entry.dumpId;
        return ids;
    }

private:
    QHash<int, const dumparchive::Entry *> m_byId;
    QSet<int> m_included;
    QSet<int> m_anchored;
};

} // namespace

QStringList tablesOf(const QList<dumparchive::Entry> &entries)
{
    QStringList tables;
    for (const dumparchive::Entry &entry : entries)
        if (entry.description == QLatin1String("TABLE"))
            tables << qualified(entry);
    return tables;
}

Result<QList<int>> dumpIdsFor(const QList<dumparchive::Entry> &entries, const QStringList &tables)
{
    Closure closure(entries);
    QSet<QString> unfound(tables.cbegin(), tables.cend());
    for (const dumparchive::Entry &entry : entries) {
        if (entry.description != QLatin1String("TABLE") || !unfound.contains(qualified(entry)))
            continue;
        unfound.remove(qualified(entry));
        closure.includeWithNeeds(entry.dumpId);
        closure.anchor(entry.dumpId);
    }
    if (!unfound.isEmpty()) {
        QStringList missing(unfound.cbegin(), unfound.cend());
        missing.sort();
        return Error::notFound(QStringLiteral("The backup has no table %1").arg(missing.join(QStringLiteral(", "))));
    }
    closure.includeAttachments(entries);
    return closure.included(entries);
}

QStringList linesFor(const QStringList &listLines, const QList<int> &ids)
{
    const QSet<int> wanted(ids.cbegin(), ids.cend());
    QStringList lines;
    for (const QString &line : listLines) {
        bool isEntry = false;
        const int id = line.section(QLatin1Char(';'), 0, 0).trimmed().toInt(&isEntry);
        if (isEntry && wanted.contains(id))
            lines << line;
    }
    return lines;
}

} // namespace nrdb::restoresubset
