// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/layerview.h"
#include "risk/engine.h"
#include "risk/scoredrows.h"
#include "store/workspace.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <optional>
#include <vector>

namespace patchwise::ui {

// Everything the pages show about the open workspace: its fact table, the policy in effect,
// the scoring, and the base-image attribution. Loading and rescoring run on worker threads;
// results arrive on the GUI thread through the signals below, and the accessors only ever
// return complete, consistent data (the scoring being read is never the one being written).
// Owned by MainWindow; pages observe it and never compute scores of their own.
class Workbench : public QObject
{
    Q_OBJECT

public:
    explicit Workbench(QObject *parent = nullptr);
    ~Workbench() override;

    // Loads `path` in the background (the workspace is created when missing) under
    // `policy`; `now` is the analysis time (Unix seconds, 0 = the clock). Emits loaded() or
    // failed(). A load started while another runs supersedes it.
    void open(const QString &path, const risk::Policy &policy, std::int64_t now = 0);
    // Reloads the same workspace (after an import or a base override), keeping the policy.
    void reload();
    bool isLoading() const { return m_loading; }
    bool isOpen() const { return m_state != nullptr; }
    // Where the binary copy of a workspace's last load is kept (the user's cache folder); a
    // copy is only used while the workspace file is unchanged.
    static QString factsCachePath(const QString &workspacePath);
    QString path() const { return m_path; }

    // Valid while isOpen(); replaced (not mutated) on loaded().
    const risk::Facts &facts() const;
    const std::vector<store::ImageLayers> &imageLayers() const;
    const std::vector<std::optional<layers::BaseImage>> &bases() const;
    const std::vector<layers::BaseFlags> &baseFlags() const;
    // ImageLayers index of each fact-table image (-1 when the workspace has none).
    int layersIndexOf(std::uint32_t factImage) const;

    // The analysts' decisions as stored (by id), read with the facts.
    const std::vector<store::Decision> &decisions() const;
    // The decisions() index of the decision that covers `finding` now (store::DecisionMatcher
    // over the current facts), or -1.
    int decisionOf(std::uint32_t finding) const;
    // How many findings each decision covers now (one entry per decisions() element).
    const std::vector<int> &decisionCoverage() const;
    // Every recorded change to a decision, oldest first (removed decisions included).
    const std::vector<store::DecisionChange> &decisionHistory() const;

    // The scoring shown now, and its rows for filters and sorting; swapped on rescored().
    const risk::Scoring &scoring() const;
    const risk::ScoredRows &rows() const;
    const risk::Policy &policy() const { return m_policy; }
    // The policy the workspace was opened with (or last saved), and each finding's rank
    // under it: the what-if panel's reference.
    const risk::Policy &savedPolicy() const { return m_savedPolicy; }
    std::uint32_t savedRank(std::size_t finding) const;

    // What-if: rescores and re-ranks under `policy` on a worker thread and emits rescored().
    // Edits made while one runs are coalesced: the latest runs next.
    void setPolicy(const risk::Policy &policy);
    // Makes the policy in effect the saved one (rank changes are then measured from it).
    void markPolicySaved();
    bool isRescoring() const { return m_rescoring; }

    // Keeps the current facts, image layers and base attribution alive (not the scorings,
    // which rescoring swaps): background jobs hold it while they read those.
    std::shared_ptr<const void> stateHandle() const { return m_state; }
    // Keeps the scoring shown now (and its rows) alive and unchanged while held: a rescore
    // never writes into a scoring someone still holds. For background jobs reading it.
    std::shared_ptr<const void> scoringHandle() const;
    // Each finding's rank under the saved policy; replaced, never mutated.
    std::shared_ptr<const std::vector<std::uint32_t>> savedRanks() const;

Q_SIGNALS:
    void loadingStarted(const QString &path);
    void loaded();   // a new fact table: every view resets
    void rescored(); // same findings, new scores and order
    void failed(const QString &message);

private:
    struct State;
    struct Buffer;
    void startRescore();

    QString m_path;
    std::int64_t m_now = 0;
    std::shared_ptr<State> m_state;
    risk::Policy m_policy, m_savedPolicy;
    std::optional<risk::Policy> m_pendingPolicy;
    risk::Policy m_inFlightPolicy;
    bool m_loading = false;
    bool m_rescoring = false;
    quint64 m_loadGeneration = 0;
    quint64 m_stateGeneration = 0;
    QThreadPool m_pool;
};

} // namespace patchwise::ui
