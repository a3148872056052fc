// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisorysource.h"

#include "store/workspace.h"
#include "workbench.h"

#include <algorithm>

namespace patchwise::ui {

AdvisorySource::AdvisorySource(const Workbench *workbench, QObject *parent)
    : QObject(parent)
    , m_workbench(workbench)
{
    connect(workbench, &Workbench::loadingStarted, this, [this](const QString &path) {
        clear();
        m_loadingPath = path;
    });
    connect(workbench, &Workbench::failed, this, [this] { m_loadingPath.clear(); });
}

void AdvisorySource::clear()
{
    m_recent.clear();
}

AdvisorySource::Lookup AdvisorySource::lookup(const std::string &vulnId)
{
    Lookup result;
    const auto hit = std::find_if(
        m_recent.begin(), m_recent.end(), [&](const auto &entry) { return entry.first == vulnId; });
    if (hit != m_recent.end()) {
        std::rotate(m_recent.begin(), hit, hit + 1);
        result.advisory = m_recent.front().second;
        return result;
    }
    if (m_workbench->isLoading()) {
        result.pending = true;
        return result;
    }
    if (!m_loadingPath.isEmpty()) { // loaded (a failure would have cleared it)
        m_path = m_loadingPath;
        m_loadingPath.clear();
    }
    const QString path = m_path.isEmpty() ? m_workbench->path() : m_path;
    if (path.isEmpty())
        return result;
    ++m_reads;
    // Opened, read and closed at once: see the class comment.
    auto ws = store::Workspace::openReadOnly(path.toStdString());
    if (!ws) {
        result.error = QString::fromStdString(ws.error());
        return result;
    }
    auto advisory = (*ws)->advisory(vulnId);
    ws->reset();
    if (!advisory) {
        result.error = QString::fromStdString(advisory.error());
        return result;
    }
    if (*advisory)
        result.advisory = std::make_shared<const store::Advisory>(std::move(**advisory));
    if (m_recent.size() >= kCapacity)
        m_recent.pop_back();
    m_recent.insert(m_recent.begin(), {vulnId, result.advisory});
    return result;
}

} // namespace patchwise::ui
