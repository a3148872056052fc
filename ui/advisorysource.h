// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace patchwise::store {
struct Advisory;
}

namespace patchwise::ui {

class Workbench;

// The advisory text (title, description, references, CWEs, aliases) of the open workspace's
// vulnerabilities, for the details pane. GUI thread only.
//
// The fact table has no advisory text, so each id is read from the workspace file through a
// short-lived store::Workspace::openReadOnly() connection: a few primary-key lookups, well
// under a millisecond on a warm page cache. No connection is kept open between lookups: a
// reader that stays open would stop the workbench's and the importer's connections from
// checkpointing and removing the -wal when they close, which changes the workspace's state
// and so misses the facts cache on the next load. Nothing is read while the workbench is
// loading (its own connection closes then); every load drops what was cached, since an
// import may have added text.
class AdvisorySource : public QObject
{
    Q_OBJECT

public:
    explicit AdvisorySource(const Workbench *workbench, QObject *parent = nullptr);

    struct Lookup
    {
        // Null when the workspace has no advisory text for the id, or nothing was read.
        std::shared_ptr<const store::Advisory> advisory;
        QString error;        // why it could not be read (busy, gone); empty otherwise
        bool pending = false; // not read because the workbench is loading: ask again later
    };

    // The advisory of `vulnId` (the id findings carry). The most recent kCapacity answers,
    // "none" included, are kept; errors are not.
    Lookup lookup(const std::string &vulnId);
    void clear();

    // How many times the workspace file was opened (tests: the cache is used).
    int reads() const { return m_reads; }

    static constexpr std::size_t kCapacity = 64;

private:
    const Workbench *m_workbench;
    // The workspace whose facts the workbench shows, and the one it is loading: a failed
    // load keeps the previous facts, so their text keeps coming from the previous file.
    QString m_path, m_loadingPath;
    // Most recently used first.
    std::vector<std::pair<std::string, std::shared_ptr<const store::Advisory>>> m_recent;
    int m_reads = 0;
};

} // namespace patchwise::ui
