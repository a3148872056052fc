// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ingest/reader.h"
#include "model/severity.h"
#include "model/triage.h"
#include "risk/facts.h"
#include "risk/scoredrows.h"
#include "util/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace patchwise::store {

struct ImportOptions
{
    // Backfills: the time every scan of this import is recorded at. Without it a scan is
    // recorded at the report's own time, or at the import time when the report has none.
    std::optional<std::int64_t> snapshotTime;
    std::int64_t now = 0; // import time (Unix seconds); 0 = the system clock
    // A workspace with at most this many findings is imported in bulk mode (all finding
    // keys loaded up front, the image index rebuilt once at commit). -1 never.
    std::int64_t bulkModeUpTo = 200000;
};

struct ImportedFile
{
    std::string path;
    std::string format;
    bool alreadyImported = false; // same content imported before: nothing changed
    int images = 0;
    int findings = 0; // findings the file reported (before deduplication)
    int containers = 0;
    int feedEntries = 0; // KEV / EPSS records
    std::vector<ingest::SkipCount> skipped;
};

struct ImportSummary
{
    std::optional<std::int64_t> snapshotId; // none when every file was already imported
    std::vector<ImportedFile> files;
    int newFindings = 0; // findings the workspace did not have before
};

// One row of `patchwise-cli findings`.
struct FindingRow
{
    std::int64_t id = 0;
    std::string vulnerability;
    std::vector<std::string> aliases;
    std::string title;       // the advisory's, as a scanner reported it (may be empty)
    std::string description; // likewise; scan text: escape before showing it as markup
    std::string image;
    std::string imageDigest;
    std::vector<std::string> repoDigests;
    std::string package;
    std::string installedVersion;
    std::string packageType;
    std::string purl;
    std::string packagePath;
    std::vector<std::string> fixedVersions;
    std::string fixState;
    std::string fixStateWord;
    std::vector<std::pair<std::string, std::string>> severities; // source → normalised key
    struct Cvss
    {
        std::string source, version, vector;
        int baseTenths = -1;
    };
    std::vector<Cvss> cvss;
    std::string layerDiffId;
    int layerIndex = -1;
    std::int64_t firstSeen = 0;
    std::int64_t lastSeen = 0;
    std::optional<std::int64_t> resolvedAt;
    bool suppressed = false;
    bool kev = false;
    std::optional<double> epss;
    int runningContainers = 0;  // running containers of this image (exact and probable joins)
    int probableContainers = 0; // of those, joined by tag only
    std::vector<std::string> scanners;
    std::optional<risk::FindingRisk> risk; // set when the caller scored the finding
};

// An image with its layers, bottom to top (`patchwise-cli layers`, base-image detection).
struct ImageLayers
{
    std::int64_t id = 0;
    std::string name;
    std::string digest;                   // config digest, may be empty
    std::vector<std::string> repoDigests; // repo@sha256:…
    std::vector<std::string> refs;        // normalised names and tags (docker.io/library/x:1)
    std::vector<model::Layer> layers;
    std::vector<model::HistoryEntry> history; // every build step, oldest first
    // OCI base-image annotations, when the image carries them as labels.
    std::string baseNameLabel;   // org.opencontainers.image.base.name
    std::string baseDigestLabel; // org.opencontainers.image.base.digest
    // The analyst's override (Workspace::setBaseOverride).
    bool manualBase = false;
    std::string manualBaseRef; // may be empty when only the layer count was given
    int manualBaseLayers = -1; // -1: from the named base image's layers
    // Listed packages a scanner placed in a layer (Trivy's Packages[]), by name.
    struct Package
    {
        std::string name;
        std::string version;
        int layer = -1; // index into `layers`
    };
    std::vector<Package> packages;
};

// What the scanners said about a vulnerability itself (the details pane). Every string is
// scan text, stored as reported: escape it before showing it as markup.
struct Advisory
{
    std::string id;
    std::string title;                // may be empty
    std::string description;          // may be empty; newlines as the scanner wrote them
    std::int64_t published = 0;       // Unix seconds; 0 = unknown
    std::int64_t lastModified = 0;    // Unix seconds; 0 = unknown
    std::vector<std::string> urls;    // trimmed, sorted, no duplicates, never empty; any scheme
    std::vector<std::string> cwes;    // as reported ("CWE-79", "NVD-CWE-Other"); by number
    std::vector<std::string> aliases; // sorted, without the id itself
};

// An analyst's decision on one vulnerability in one package (optionally one version of it), for a
// scope: an image (scopeKey = its identity, the config digest), a repository (scopeKey = the
// normalised repository, every tag and digest of it) or the fleet (scopeKey = ""). Re-imports and
// new tags of the same repository find it again because nothing in it names a finding row.
struct Decision
{
    std::int64_t id = 0;
    model::DecisionScope scope = model::DecisionScope::Digest;
    std::string scopeKey;
    std::string vulnerability;
    std::string package;
    std::string version; // the installed version it is pinned to (VEX); "" = any version
    model::TriageState state = model::TriageState::New;
    std::string justification; // not-affected: the CycloneDX/OpenVEX justification
    std::string reason;
    std::string note;
    std::string owner;
    std::int64_t expires = 0; // risk-accepted: when it stops applying (Unix s); 0 = never
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
};

// A package as the scanners identified it: name, installed version, package URL.
struct PackagePurl
{
    std::string package;
    std::string version;
    std::string purl;
};

// One change to a decision: who, when, and "state|reason|expires" before and after.
struct DecisionChange
{
    std::int64_t decisionId = 0;
    std::int64_t at = 0;
    std::string who;
    std::string before; // "" when the decision was created by this change
    std::string after;
};

class ImportSession;

// The SQLite workspace: the durable record of everything imported. Schema versioned with
// PRAGMA user_version and ordered migrations; WAL; foreign keys on. One Workspace per
// thread. All SQL of Patchwise lives in core/store/.
class Workspace
{
public:
    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    // Opens (creating when missing) and migrates to the current schema. `upToVersion`
    // stops the migrations earlier: tests use it to make workspaces of older versions.
    static Result<std::unique_ptr<Workspace>> open(const std::string &path, int upToVersion = -1);
    // Opens an existing workspace for reading only: nothing is created or migrated, every
    // write fails, and the workspace's files are left as they were found once it closes
    // (same size, mtime and inode of the database and of its -wal, or still no -wal: the
    // facts cache is keyed on them, layers::workspaceStateKey). Lock waits are short
    // (tens of milliseconds), so a GUI thread may use it for a few lookups; a busy workspace
    // is an error to retry later. Fails for a workspace of a newer schema.
    static Result<std::unique_ptr<Workspace>> openReadOnly(const std::string &path);

    static int schemaVersion();
    int userVersion() const;

    // Stores everything the files contributed, all or nothing, as one snapshot.
    Result<ImportSummary> import(const std::vector<ingest::FileRead> &files,
                                 const ImportOptions &options);

    // The same, one file at a time, so memory is bounded by the largest file: begin a
    // session, add() each file as it is read, commit(). Destroying an uncommitted session
    // (or any add() error) rolls everything back.
    Result<std::unique_ptr<ImportSession>> beginImport(const ImportOptions &options);

    // Findings, most recently seen first within an image; limit < 0 means all.
    Result<std::vector<FindingRow>> findings(int limit = -1) const;
    // The findings with these ids (in no particular order).
    Result<std::vector<FindingRow>> findings(const std::vector<std::int64_t> &ids) const;

    // The advisory of a vulnerability by the id findings carry (not by alias); none when the
    // workspace has no such vulnerability. A handful of primary-key lookups.
    Result<std::optional<Advisory>> advisory(const std::string &vulnId) const;

    // The fact table the risk engine scores: every finding with its image's runtime
    // context (current inventory), ratings, CVSS vectors, KEV and EPSS. `now` (Unix
    // seconds) is the analysis time.
    Result<risk::Facts> loadFacts(std::int64_t now) const;
    // When the newest scan in the workspace was taken (Unix seconds); 0 when none is dated.
    Result<std::int64_t> latestScanTime() const;

    // Records decisions, all or nothing: one on the same (scope, scopeKey, vulnerability,
    // package) as an existing one replaces it (keeping its id and creation time). Every
    // change that alters something is kept in the history, by `who` at `now`. Returns how
    // many decisions changed.
    Result<int> recordDecisions(const std::vector<Decision> &decisions,
                                const std::string &who,
                                std::int64_t now);
    // Removes the decisions on these (scope, scopeKey, vulnerability, package, version),
    // all or nothing; the history keeps what each was ("after" is empty). Keys with no
    // decision are skipped. Returns how many were removed.
    Result<int> removeDecisions(const std::vector<Decision> &decisions,
                                const std::string &who,
                                std::int64_t now);
    Result<std::vector<Decision>> decisions() const;
    // The purls scanners reported for these packages (any version), one per distinct
    // (package, version, purl). One pass over the findings.
    Result<std::vector<PackagePurl>> packagePurls(const std::vector<std::string> &packages) const;
    Result<std::vector<DecisionChange>> decisionHistory() const;

    // The analyst's base image for an image: a reference to the base (a name or digest;
    // may be empty) and/or how many bottom layers belong to it (-1 = take them from the
    // named base). Stored by the image's identity, so it survives re-imports. `now` 0 =
    // the system clock. false when no image has that id.
    Result<bool> setBaseOverride(std::int64_t imageId,
                                 const std::string &baseRef,
                                 int layerCount,
                                 std::int64_t now = 0);
    Result<bool> clearBaseOverride(std::int64_t imageId); // false when there was none

    // Every image with its stored layers in order (DiffID, blob digest, size, the history
    // line that created it).
    Result<std::vector<ImageLayers>> imageLayers() const;

    std::int64_t count(const char *table) const; // tests and summaries

private:
    friend class ImportSession;
    explicit Workspace(sqlite3 *db);
    bool migrate(int upToVersion, std::string &error);
    Result<std::vector<FindingRow>> findingRows(int limit,
                                                const std::vector<std::int64_t> *ids) const;

    sqlite3 *m_db;
};

class ImportSession
{
public:
    ~ImportSession();
    Result<bool> add(const ingest::FileRead &file); // true when stored, false when already imported
    Result<ImportSummary> commit();

private:
    friend class Workspace;
    struct Private;
    explicit ImportSession(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace patchwise::store
