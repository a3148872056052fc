// SPDX-License-Identifier: GPL-3.0-or-later
#include "workbench.h"

#include "layers/basedetect.h"
#include "layers/factscache.h"
#include "store/decisions.h"
#include "store/workspace.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <ctime>
#include <unordered_map>

namespace patchwise::ui {

// One scoring with the rows that read it (ScoredRows keeps a reference to it).
struct Workbench::Buffer
{
    explicit Buffer(risk::Scoring s)
        : scoring(std::move(s))
        , rows(scoring)
    {}
    risk::Scoring scoring;
    risk::ScoredRows rows;
};

struct Workbench::State
{
    risk::Facts facts; // the scorings point at it: State is never moved once built
    std::vector<store::ImageLayers> layers;
    std::vector<std::optional<layers::BaseImage>> bases;
    std::vector<layers::BaseFlags> flags;
    std::vector<int> layersIndex;
    std::vector<store::Decision> decisions;
    std::vector<int> decisionOf; // per finding; empty when there are no decisions
    std::vector<int> coverage;   // per decision
    std::vector<store::DecisionChange> history;
    // Shared so background readers can keep a scoring alive; the rescore task only ever
    // writes into a back buffer nobody else holds.
    std::shared_ptr<Buffer> front, back;
    std::shared_ptr<const std::vector<std::uint32_t>> savedRank;
};

namespace {

std::shared_ptr<const std::vector<std::uint32_t>> ranksOf(const risk::Scoring &scoring)
{
    auto ranks = std::make_shared<std::vector<std::uint32_t>>(scoring.size());
    for (std::size_t f = 0; f < scoring.size(); ++f)
        (*ranks)[f] = scoring.rank(f);
    return ranks;
}

// The decisions and their history, from `ws`; false (and `error`) when they cannot be read.
bool readDecisions(const store::Workspace &ws,
                   std::vector<store::Decision> &decisions,
                   std::vector<store::DecisionChange> &history,
                   std::string &error)
{
    auto read = ws.decisions();
    if (!read) {
        error = read.error();
        return false;
    }
    auto changes = ws.decisionHistory();
    if (!changes) {
        error = changes.error();
        return false;
    }
    decisions = std::move(*read);
    history = std::move(*changes);
    return true;
}

// Which decision covers each finding now (empty when there are none), and how many findings
// each covers.
void matchDecisions(const risk::Facts &facts,
                    const std::vector<store::Decision> &decisions,
                    std::vector<int> &decisionOf,
                    std::vector<int> &coverage)
{
    coverage.assign(decisions.size(), 0);
    decisionOf.clear();
    if (decisions.empty())
        return;
    const store::DecisionMatcher matcher(decisions, facts);
    decisionOf.resize(facts.size());
    for (std::size_t f = 0; f < facts.size(); ++f) {
        const int d = matcher.decisionOf(std::uint32_t(f));
        decisionOf[f] = d;
        if (d >= 0)
            ++coverage[std::size_t(d)];
    }
}

// True when every finding an accepted risk covers is marked expired exactly when the
// acceptance has expired at `now`: the facts' triage (computed when they were loaded, perhaps
// long ago) is still right.
bool expiriesAgree(const risk::Facts &facts,
                   const std::vector<store::Decision> &decisions,
                   const std::vector<int> &decisionOf,
                   std::int64_t now)
{
    for (std::size_t f = 0; f < decisionOf.size(); ++f) {
        const int d = decisionOf[f];
        if (d < 0)
            continue;
        const store::Decision &decision = decisions[std::size_t(d)];
        if (decision.state != model::TriageState::RiskAccepted || decision.expires <= 0)
            continue;
        const bool expired = decision.expires <= now;
        const bool marked = f < facts.triage.size() && (facts.triage[f] & risk::TriageExpired);
        if (expired != marked)
            return false;
    }
    return true;
}

} // namespace

QString Workbench::factsCachePath(const QString &workspacePath)
{
    const QString absolute = QFileInfo(workspacePath).absoluteFilePath();
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
           QStringLiteral("/facts/") +
           QString::fromLatin1(
               QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha1).toHex()) +
           QStringLiteral(".bin");
}

Workbench::Workbench(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(2); // one load and one rescore at most
}

Workbench::~Workbench()
{
    // Worker tasks hold raw pointers into m_state: wait for them.
    m_pool.waitForDone();
}

void Workbench::open(const QString &path, const risk::Policy &policy, std::int64_t now)
{
    m_path = path;
    m_now = now;
    m_policy = policy;
    m_savedPolicy = policy;
    m_pendingPolicy.reset();
    ++m_stateGeneration; // a rescore still running belongs to the old workspace: drop it
    m_rescoring = false;
    reload();
}

void Workbench::reload()
{
    // An edit still being scored (or waiting) is the policy the reloaded facts get.
    if (m_pendingPolicy)
        m_policy = *m_pendingPolicy;
    else if (m_rescoring)
        m_policy = m_inFlightPolicy;
    m_pendingPolicy.reset();
    ++m_stateGeneration;
    m_rescoring = false;

    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    Q_EMIT loadingStarted(m_path);
    const std::string path = m_path.toStdString();
    const risk::Policy policy = m_policy, saved = m_savedPolicy;
    const bool sameAsSaved = risk::policyToJson(policy) == risk::policyToJson(saved);
    const std::int64_t now = m_now ? m_now : std::int64_t(std::time(nullptr));
    const std::string cache = factsCachePath(m_path).toStdString();
    auto *watcher = new QFutureWatcher<std::shared_ptr<State>>(this);
    auto error = std::make_shared<std::string>();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, error] {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return; // superseded by a later open() or reload()
        std::shared_ptr<State> result = watcher->result();
        m_loading = false;
        if (!result) {
            Q_EMIT failed(QString::fromStdString(*error));
            return;
        }
        ++m_stateGeneration;
        m_state = std::move(result);
        Q_EMIT loaded();
        if (m_pendingPolicy)
            startRescore();
    });
    // Everything, scoring included, is built here: the GUI thread only swaps the result in.
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [path, cache, policy, saved, sameAsSaved, now, error]() -> std::shared_ptr<State> {
            // The scorings keep the address of `facts`: the state is built in place and
            // never moved afterwards.
            auto state = std::make_shared<State>();
            // An unchanged workspace comes from the binary copy of its last load, unless an
            // accepted risk expired (or stopped being expired) since the copy was written.
            bool fromCopy = false;
            if (auto copy = layers::readFactsCache(cache, layers::workspaceStateKey(path)); copy) {
                // The decisions themselves are not in the copy: read them without touching
                // the files the copy is keyed on (a busy workspace falls back to a normal
                // connection, which waits).
                auto ws = store::Workspace::openReadOnly(path);
                if (!ws)
                    ws = store::Workspace::open(path);
                if (!ws) {
                    *error = ws.error();
                    return nullptr;
                }
                if (!readDecisions(**ws, state->decisions, state->history, *error))
                    return nullptr;
                ws->reset();
                matchDecisions(copy->facts, state->decisions, state->decisionOf, state->coverage);
                if (expiriesAgree(copy->facts, state->decisions, state->decisionOf, now)) {
                    fromCopy = true;
                    state->facts = std::move(copy->facts);
                    state->layers = std::move(copy->images);
                    state->bases = std::move(copy->bases);
                    state->flags = std::move(copy->flags);
                    state->facts.now = now;
                    state->front =
                        std::make_shared<Buffer>(risk::Scoring::compute(state->facts, policy));
                }
            }
            if (!fromCopy) {
                auto ws = store::Workspace::open(path);
                if (!ws) {
                    *error = ws.error();
                    return nullptr;
                }
                auto facts = (*ws)->loadFacts(now);
                if (!facts) {
                    *error = facts.error();
                    return nullptr;
                }
                auto images = (*ws)->imageLayers();
                if (!images) {
                    *error = images.error();
                    return nullptr;
                }
                if (!readDecisions(**ws, state->decisions, state->history, *error))
                    return nullptr;
                ws->reset(); // closed (and checkpointed) before the file's state is read
                state->facts = std::move(*facts);
                state->layers = std::move(*images);
                state->bases = layers::detectBaseImages(state->layers);
                state->front =
                    std::make_shared<Buffer>(risk::Scoring::compute(state->facts, policy));
                state->flags =
                    layers::baseAttribution(state->layers, state->bases, state->front->scoring);
                // Best effort: a failed write only means the next open reads SQLite again.
                (void)layers::writeFactsCache(cache,
                                              layers::workspaceStateKey(path),
                                              state->facts,
                                              state->layers,
                                              state->flags);
            }
            layers::setBaseAttribution(state->front->rows, state->flags);
            if (!fromCopy)
                matchDecisions(state->facts, state->decisions, state->decisionOf, state->coverage);
            std::unordered_map<std::int64_t, int> byId;
            for (std::size_t i = 0; i < state->layers.size(); ++i)
                byId.emplace(state->layers[i].id, int(i));
            state->layersIndex.assign(state->facts.images.size(), -1);
            for (std::size_t i = 0; i < state->facts.images.size(); ++i)
                if (const auto it = byId.find(state->facts.images[i].id); it != byId.end())
                    state->layersIndex[i] = it->second;
            // The reference ranks come from the saved policy, whatever is in effect.
            if (sameAsSaved) {
                state->savedRank = ranksOf(state->front->scoring);
            } else {
                const risk::Scoring reference = risk::Scoring::compute(state->facts, saved);
                state->savedRank = ranksOf(reference);
            }
            return state;
        }));
}

const risk::Facts &Workbench::facts() const
{
    return m_state->facts;
}

const std::vector<store::ImageLayers> &Workbench::imageLayers() const
{
    return m_state->layers;
}

const std::vector<std::optional<layers::BaseImage>> &Workbench::bases() const
{
    return m_state->bases;
}

const std::vector<layers::BaseFlags> &Workbench::baseFlags() const
{
    return m_state->flags;
}

int Workbench::layersIndexOf(std::uint32_t factImage) const
{
    return factImage < m_state->layersIndex.size() ? m_state->layersIndex[factImage] : -1;
}

const std::vector<store::Decision> &Workbench::decisions() const
{
    return m_state->decisions;
}

int Workbench::decisionOf(std::uint32_t finding) const
{
    return finding < m_state->decisionOf.size() ? m_state->decisionOf[finding] : -1;
}

const std::vector<int> &Workbench::decisionCoverage() const
{
    return m_state->coverage;
}

const std::vector<store::DecisionChange> &Workbench::decisionHistory() const
{
    return m_state->history;
}

const risk::Scoring &Workbench::scoring() const
{
    return m_state->front->scoring;
}

const risk::ScoredRows &Workbench::rows() const
{
    return m_state->front->rows;
}

std::uint32_t Workbench::savedRank(std::size_t finding) const
{
    const std::vector<std::uint32_t> &ranks = *m_state->savedRank;
    return finding < ranks.size() ? ranks[finding] : 0;
}

std::shared_ptr<const void> Workbench::scoringHandle() const
{
    return m_state ? m_state->front : nullptr;
}

std::shared_ptr<const std::vector<std::uint32_t>> Workbench::savedRanks() const
{
    return m_state ? m_state->savedRank : nullptr;
}

void Workbench::setPolicy(const risk::Policy &policy)
{
    m_pendingPolicy = policy;
    if (!m_state || m_rescoring || m_loading)
        return; // runs when the current work ends
    startRescore();
}

void Workbench::markPolicySaved()
{
    m_savedPolicy = m_policy;
    if (!m_state)
        return;
    m_state->savedRank = ranksOf(m_state->front->scoring);
    Q_EMIT rescored();
}

void Workbench::startRescore()
{
    m_rescoring = true;
    const risk::Policy policy = *m_pendingPolicy;
    m_inFlightPolicy = policy;
    m_pendingPolicy.reset();
    std::shared_ptr<State> state = m_state; // kept alive by the task
    const quint64 generation = m_stateGeneration;
    auto *watcher = new QFutureWatcher<void>(this);
    connect(
        watcher, &QFutureWatcherBase::finished, this, [this, watcher, state, policy, generation] {
            watcher->deleteLater();
            if (generation != m_stateGeneration)
                return; // a load replaced the state meanwhile
            std::swap(state->front, state->back);
            m_policy = policy;
            m_rescoring = false;
            Q_EMIT rescored();
            if (m_pendingPolicy)
                startRescore();
        });
    // The back buffer is only ever touched here, by one task at a time.
    watcher->setFuture(QtConcurrent::run(&m_pool, [state, policy] {
        // A back buffer still held by a reader (a sort of the previous scoring) is left to
        // it; this one gets a fresh buffer.
        if (!state->back || state->back.use_count() > 1) {
            state->back = std::make_shared<Buffer>(risk::Scoring::compute(state->facts, policy));
            layers::setBaseAttribution(state->back->rows, state->flags);
        } else {
            state->back->scoring.rescore(policy);
            state->back->scoring.rerank();
        }
    }));
}

} // namespace patchwise::ui
