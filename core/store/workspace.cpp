// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspace.h"

#include "decisions.h"
#include "model/imageref.h"
#include "sqlite.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <xxhash.h>

namespace patchwise::store {

namespace {

Unexpected<std::string> fail(const std::string &message)
{
    return Unexpected<std::string>{message};
}

// Ordered migrations: migration n brings user_version from n to n+1. Never edit a
// published entry; append a new one.
constexpr const char *kMigrations[] = {
    // 0 → 1: the first schema.
    R"sql(
CREATE TABLE snapshot (
    id INTEGER PRIMARY KEY,
    taken_at INTEGER NOT NULL,
    imported_at INTEGER NOT NULL
);
CREATE TABLE source_file (
    id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE
);
CREATE TABLE image (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,        -- config digest, or "name:<name>" when unknown
    config_digest TEXT,
    name TEXT NOT NULL,
    os_family TEXT,
    os_version TEXT,
    os_eol INTEGER NOT NULL DEFAULT 0,
    architecture TEXT,
    user TEXT,
    created INTEGER
);
CREATE TABLE image_repo_digest (
    image_id INTEGER NOT NULL REFERENCES image(id),
    repo_digest TEXT NOT NULL,
    PRIMARY KEY (image_id, repo_digest)
) WITHOUT ROWID;
CREATE INDEX image_repo_digest_by_digest ON image_repo_digest(repo_digest);
CREATE TABLE image_tag (
    image_id INTEGER NOT NULL REFERENCES image(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (image_id, tag)
) WITHOUT ROWID;
CREATE TABLE image_label (
    image_id INTEGER NOT NULL REFERENCES image(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (image_id, key)
) WITHOUT ROWID;
CREATE TABLE image_port (
    image_id INTEGER NOT NULL REFERENCES image(id),
    port TEXT NOT NULL,
    PRIMARY KEY (image_id, port)
) WITHOUT ROWID;
CREATE TABLE layer (
    image_id INTEGER NOT NULL REFERENCES image(id),
    idx INTEGER NOT NULL,
    diff_id TEXT NOT NULL,
    blob_digest TEXT,
    size INTEGER,
    created_by TEXT,
    PRIMARY KEY (image_id, idx)
) WITHOUT ROWID;
CREATE TABLE scan (
    id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
    source_file_id INTEGER NOT NULL REFERENCES source_file(id),
    image_id INTEGER NOT NULL REFERENCES image(id),
    scanner TEXT NOT NULL,
    scanner_version TEXT,
    taken_at INTEGER NOT NULL
);
CREATE INDEX scan_by_image ON scan(image_id, taken_at);
CREATE TABLE vulnerability (
    id TEXT PRIMARY KEY,
    title TEXT,
    description TEXT,
    published INTEGER,
    last_modified INTEGER
) WITHOUT ROWID;
CREATE TABLE vuln_alias (
    vuln_id TEXT NOT NULL REFERENCES vulnerability(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (vuln_id, alias)
) WITHOUT ROWID;
CREATE TABLE vuln_url (
    vuln_id TEXT NOT NULL REFERENCES vulnerability(id),
    url TEXT NOT NULL,
    PRIMARY KEY (vuln_id, url)
) WITHOUT ROWID;
CREATE TABLE vuln_cwe (
    vuln_id TEXT NOT NULL REFERENCES vulnerability(id),
    cwe TEXT NOT NULL,
    PRIMARY KEY (vuln_id, cwe)
) WITHOUT ROWID;
CREATE TABLE cvss (
    vuln_id TEXT NOT NULL REFERENCES vulnerability(id),
    source TEXT NOT NULL,
    version TEXT NOT NULL,
    vector TEXT NOT NULL,
    base_tenths INTEGER,
    PRIMARY KEY (vuln_id, source, version, vector)
) WITHOUT ROWID;
CREATE TABLE finding (
    id INTEGER PRIMARY KEY,
    image_id INTEGER NOT NULL REFERENCES image(id),
    vuln_id TEXT NOT NULL REFERENCES vulnerability(id),
    pkg_name TEXT NOT NULL,
    pkg_version TEXT NOT NULL,
    pkg_type TEXT,
    purl TEXT,
    pkg_path TEXT,
    layer_diff_id TEXT,                   -- only when the layer is not in the image's list
    layer_idx INTEGER,                    -- position in the image's layers (0 = bottom)
    fix_state TEXT NOT NULL DEFAULT 'unknown',
    fix_state_word TEXT,
    suppressed INTEGER NOT NULL DEFAULT 0,
    epss REAL,
    known_exploited INTEGER NOT NULL DEFAULT 0,
    fixed_versions TEXT,                  -- every fixed version, one per line
    first_seen INTEGER,
    last_seen INTEGER,
    resolved_at INTEGER
);
-- One row per (image, vulnerability, package, version): the import session enforces it
-- with an in-memory key map per image, which is far cheaper than a unique text index.
CREATE INDEX finding_by_image ON finding(image_id);
CREATE TABLE vuln_severity (
    vuln_id TEXT NOT NULL REFERENCES vulnerability(id),
    source TEXT NOT NULL,
    severity TEXT NOT NULL,
    word TEXT,
    PRIMARY KEY (vuln_id, source)
) WITHOUT ROWID;
-- Which scans reported a finding, with the scanner's own severity pick in that scan.
CREATE TABLE finding_scan (
    finding_id INTEGER NOT NULL REFERENCES finding(id),
    scan_id INTEGER NOT NULL REFERENCES scan(id),
    severity TEXT,
    severity_word TEXT,
    PRIMARY KEY (finding_id, scan_id)
) WITHOUT ROWID;
)sql",
    // 1 → 2: threat feeds.
    R"sql(
CREATE TABLE kev (
    cve TEXT PRIMARY KEY,
    vendor_project TEXT,
    product TEXT,
    name TEXT,
    date_added INTEGER,
    due_date INTEGER,
    ransomware INTEGER NOT NULL DEFAULT 0,
    required_action TEXT
) WITHOUT ROWID;
CREATE TABLE epss (
    cve TEXT PRIMARY KEY,
    probability REAL NOT NULL,
    percentile REAL NOT NULL,
    score_date INTEGER,
    model_version TEXT
) WITHOUT ROWID;
CREATE INDEX vuln_alias_by_alias ON vuln_alias(alias);
)sql",
    // 2 → 3: what runs (inventories). List-valued facts are stored one per line.
    R"sql(
CREATE TABLE container (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    namespace TEXT NOT NULL DEFAULT '',
    pod TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    init INTEGER NOT NULL DEFAULT 0,
    workload_kind TEXT,
    workload_name TEXT,
    image TEXT,
    image_id TEXT,
    repo_digest TEXT,          -- repo@sha256:…, lower-case hex
    digest TEXT,               -- the sha256:… part of repo_digest
    config_digest TEXT,
    running INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER,
    restart_count INTEGER NOT NULL DEFAULT 0,
    privileged INTEGER NOT NULL DEFAULT 0,
    host_network INTEGER NOT NULL DEFAULT 0,
    host_pid INTEGER NOT NULL DEFAULT 0,
    host_ipc INTEGER NOT NULL DEFAULT 0,
    run_as_user INTEGER,
    run_as_non_root INTEGER NOT NULL DEFAULT 0,
    allow_privilege_escalation INTEGER NOT NULL DEFAULT 1,
    capabilities_added TEXT,
    ports TEXT,
    host_ports TEXT,
    host_paths TEXT,
        labels TEXT,               -- key=value per line
    image_ref TEXT,            -- `image` normalised for tag matching (docker.io/library/x:latest)
    last_snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
    UNIQUE (platform, namespace, pod, name, init)
);
-- Containers joined to scanned images (formats.md §11), rebuilt after every import:
-- 'repo-digest' and 'config-digest' are exact; 'tag' is probable (tags move).
CREATE TABLE container_image (
    container_id INTEGER NOT NULL REFERENCES container(id),
    image_id INTEGER NOT NULL REFERENCES image(id),
    match TEXT NOT NULL,
    probable INTEGER NOT NULL,
    PRIMARY KEY (container_id, image_id)
) WITHOUT ROWID;
CREATE INDEX container_image_by_image ON container_image(image_id);
CREATE TABLE image_ref (
    image_id INTEGER NOT NULL REFERENCES image(id),
    ref TEXT NOT NULL,         -- a tag or the scanned name, normalised like container.image_ref
    PRIMARY KEY (image_id, ref)
) WITHOUT ROWID;
CREATE INDEX image_ref_by_ref ON image_ref(ref);
-- Which Services select a (non-init) container's pod, and which Ingresses route to those
-- Services (ingress_id 0 = reached through the Service alone). Rebuilt after every import.
CREATE TABLE container_route (
    container_id INTEGER NOT NULL REFERENCES container(id),
    service_id INTEGER NOT NULL REFERENCES service(id),
    ingress_id INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (container_id, service_id, ingress_id)
) WITHOUT ROWID;
CREATE INDEX container_by_digest ON container(digest);
CREATE INDEX container_by_config ON container(config_digest);
CREATE TABLE service (
    id INTEGER PRIMARY KEY,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    selector TEXT,
    ports TEXT,
    external_addresses TEXT,
    last_snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
    UNIQUE (namespace, name)
);
CREATE TABLE ingress (
    id INTEGER PRIMARY KEY,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    hosts TEXT,
    services TEXT,
    tls INTEGER NOT NULL DEFAULT 0,
    addresses TEXT,
    last_snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
    UNIQUE (namespace, name)
);
)sql",
    // 3 → 4: what an image contains (for shell detection and base-image work), and which
    // containers run now: a container is current only while the newest inventory of its
    // platform and namespace still lists it.
    R"sql(
CREATE TABLE image_package (
    image_id INTEGER NOT NULL REFERENCES image(id),
    name TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (image_id, name, version, type)
) WITHOUT ROWID;
ALTER TABLE image ADD COLUMN package_list INTEGER NOT NULL DEFAULT 0;
CREATE INDEX container_by_scope ON container(platform, namespace, last_snapshot_id);
CREATE VIEW running_container AS
SELECT c.* FROM container c
WHERE c.running = 1 AND c.last_snapshot_id = (
    SELECT MAX(c2.last_snapshot_id) FROM container c2
    WHERE c2.platform = c.platform AND c2.namespace = c.namespace);
)sql",
    // 4 → 5: "current" by the inventories' time, not the snapshot id (a backfill imported
    // late is not current), per namespace for Kubernetes, per container for docker
    // (docker inventories name no host: one host's file must not retire another's
    // containers); Services and Ingresses likewise, so a deleted Service stops exposing.
    R"sql(
DROP VIEW running_container;
CREATE VIEW running_container AS
WITH latest AS (
    SELECT c.platform, c.namespace, MAX(s.taken_at) AS taken_at
    FROM container c JOIN snapshot s ON s.id = c.last_snapshot_id
    GROUP BY c.platform, c.namespace)
SELECT c.* FROM container c
JOIN snapshot s ON s.id = c.last_snapshot_id
JOIN latest l ON l.platform = c.platform AND l.namespace = c.namespace
WHERE c.running = 1 AND (c.platform <> 'kubernetes' OR s.taken_at = l.taken_at);
CREATE VIEW current_service AS
WITH latest AS (
    SELECT v.namespace, MAX(s.taken_at) AS taken_at
    FROM service v JOIN snapshot s ON s.id = v.last_snapshot_id GROUP BY v.namespace)
SELECT v.* FROM service v
JOIN snapshot s ON s.id = v.last_snapshot_id
JOIN latest l ON l.namespace = v.namespace
WHERE s.taken_at = l.taken_at;
CREATE VIEW current_ingress AS
WITH latest AS (
    SELECT g.namespace, MAX(s.taken_at) AS taken_at
    FROM ingress g JOIN snapshot s ON s.id = g.last_snapshot_id GROUP BY g.namespace)
SELECT g.* FROM ingress g
JOIN snapshot s ON s.id = g.last_snapshot_id
JOIN latest l ON l.namespace = g.namespace
WHERE s.taken_at = l.taken_at;
)sql",
    // 5 → 6: the image config's history (every build step with its time), for finding
    // the base image's boundary when no other image or label names it.
    R"sql(
CREATE TABLE image_history (
    image_id INTEGER NOT NULL REFERENCES image(id),
    idx INTEGER NOT NULL,
    created INTEGER,
    created_by TEXT,
    empty_layer INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (image_id, idx)
) WITHOUT ROWID;
)sql",
    // 6 → 7: the analyst's own word on an image's base, keyed by the image's identity so
    // that it survives re-imports of the same image.
    R"sql(
CREATE TABLE base_override (
    image_identity TEXT PRIMARY KEY,
    base_ref TEXT NOT NULL DEFAULT '',
    layer_count INTEGER,
    set_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
    // 7 → 8: the layer each listed package sits in (Trivy Packages[].Layer.DiffID), so that
    // an app layer that changed a base package is seen even when it left no finding.
    R"sql(
ALTER TABLE image_package ADD COLUMN layer_diff_id TEXT NOT NULL DEFAULT '';
)sql",
    // 8 → 9: the analysts' triage decisions, keyed by what they cover (scope, the image's
    // identity or repository, vulnerability, package) so that re-imports and new tags of
    // the same repository find them again; and every change to them.
    R"sql(
CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,              -- digest | repository | fleet
    scope_key TEXT NOT NULL,          -- image identity | normalised repository | ''
    vuln_id TEXT NOT NULL,
    pkg_name TEXT NOT NULL,
    state TEXT NOT NULL,
    justification TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    expires INTEGER,                  -- risk-accepted: when it stops applying
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (scope, scope_key, vuln_id, pkg_name)
);
CREATE TABLE decision_history (
    id INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    before TEXT NOT NULL DEFAULT '',  -- state|reason|expires before the change ('' = none)
    after TEXT NOT NULL DEFAULT ''
);
CREATE INDEX decision_history_by_decision ON decision_history(decision_id, at);
)sql",
    // 9 → 10: a decision may be pinned to one installed version of the package (VEX
    // statements name package versions); '' = any version.
    R"sql(
CREATE TABLE decision_v10 (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,              -- digest | repository | fleet
    scope_key TEXT NOT NULL,          -- image identity | normalised repository | ''
    vuln_id TEXT NOT NULL,
    pkg_name TEXT NOT NULL,
    pkg_version TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    justification TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    expires INTEGER,                  -- risk-accepted: when it stops applying
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (scope, scope_key, vuln_id, pkg_name, pkg_version)
);
INSERT INTO decision_v10(id, scope, scope_key, vuln_id, pkg_name, state, justification, reason,
                         note, owner, expires, created_at, updated_at)
    SELECT id, scope, scope_key, vuln_id, pkg_name, state, justification, reason, note, owner,
           expires, created_at, updated_at FROM decision;
DROP TABLE decision;
ALTER TABLE decision_v10 RENAME TO decision;
)sql",
};

std::int64_t systemNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string imageIdentity(const model::Image &image)
{
    return store::imageIdentity(image.configDigest, image.name);
}

// "k=v" lines → pairs.
std::vector<std::pair<std::string, std::string>> parsePairs(std::string_view text)
{
    std::vector<std::pair<std::string, std::string>> out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        const std::size_t eq = line.find('=');
        if (eq != std::string_view::npos)
            out.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    }
    return out;
}

// Services select pods by labels in their namespace; Ingresses name Services of theirs.
bool rebuildRoutes(sqlite3 *db)
{
    if (!execSql(db, "DELETE FROM container_route"))
        return false;
    struct Svc
    {
        std::int64_t id;
        std::string ns, name;
        std::vector<std::pair<std::string, std::string>> selector;
    };
    std::vector<Svc> services;
    Statement s(db, "SELECT id, namespace, name, selector FROM service WHERE selector IS NOT NULL");
    while (s.step())
        services.push_back(
            {s.integer(0), std::string(s.text(1)), std::string(s.text(2)), parsePairs(s.text(3))});
    if (services.empty())
        return !s.failed();
    std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>>
        ingressesOf; // (ns, service)
    Statement i(db, "SELECT id, namespace, services FROM ingress");
    while (i.step()) {
        std::string_view names = i.text(2);
        while (!names.empty()) {
            const std::size_t nl = names.find('\n');
            ingressesOf[{std::string(i.text(1)), std::string(names.substr(0, nl))}].push_back(
                i.integer(0));
            names = nl == std::string_view::npos ? std::string_view{} : names.substr(nl + 1);
        }
    }
    Statement insert(db,
                     "INSERT OR IGNORE INTO container_route(container_id, service_id, ingress_id) "
                     "VALUES (?, ?, ?)");
    Statement c(
        db,
        "SELECT id, namespace, labels FROM container WHERE platform = 'kubernetes' AND init = 0 "
        "AND labels IS NOT NULL");
    while (c.step()) {
        const std::string ns(c.text(1));
        const auto labels = parsePairs(c.text(2));
        for (const Svc &svc : services) {
            if (svc.ns != ns || svc.selector.empty())
                continue;
            const bool selected =
                std::all_of(svc.selector.begin(), svc.selector.end(), [&](const auto &kv) {
                    return std::find(labels.begin(), labels.end(), kv) != labels.end();
                });
            if (!selected)
                continue;
            if (!insert.bind(1, c.integer(0)).bind(2, svc.id).bind(3, std::int64_t(0)).exec())
                return false;
            if (const auto it = ingressesOf.find({svc.ns, svc.name}); it != ingressesOf.end())
                for (std::int64_t ingress : it->second)
                    if (!insert.bind(1, c.integer(0)).bind(2, svc.id).bind(3, ingress).exec())
                        return false;
        }
    }
    return !c.failed();
}

struct FindingKey
{
    std::uint64_t low, high;
    friend bool operator==(const FindingKey &, const FindingKey &) = default;
};

struct FindingKeyHash
{
    std::size_t operator()(const FindingKey &k) const { return std::size_t(k.low); }
};

FindingKey findingKey(std::string &buffer,
                      std::string_view vuln,
                      std::string_view package,
                      std::string_view version)
{
    buffer.assign(vuln).append(1, '\x1f').append(package).append(1, '\x1f').append(version);
    const XXH128_hash_t h = XXH3_128bits(buffer.data(), buffer.size());
    return {h.low64, h.high64};
}

// Items one per line (newlines inside an item become spaces).
std::string joinedLines(const std::vector<std::string> &items)
{
    std::string joined;
    for (const std::string &item : items) {
        if (!joined.empty())
            joined.push_back('\n');
        for (char c : item)
            joined.push_back(c == '\n' ? ' ' : c);
    }
    return joined;
}

// All statements of one import, prepared once.
struct ImportStatements
{
    explicit ImportStatements(sqlite3 *db)
        : findFile(db, "SELECT id FROM source_file WHERE content_hash = ?")
        , insertSnapshot(db, "INSERT INTO snapshot(taken_at, imported_at) VALUES (?, ?)")
        , insertFile(db,
                     "INSERT INTO source_file(snapshot_id, path, format, content_hash) VALUES "
                     "(?, ?, ?, ?)")
        , upsertImage(
              db,
              "INSERT INTO image(identity, config_digest, name, os_family, os_version, os_eol, "
              "architecture, "
              "user, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
              "ON CONFLICT(identity) DO UPDATE SET "
              "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE image.name END, "
              "os_family = COALESCE(excluded.os_family, image.os_family), "
              "os_version = COALESCE(excluded.os_version, image.os_version), "
              "os_eol = MAX(image.os_eol, excluded.os_eol), "
              "architecture = COALESCE(excluded.architecture, image.architecture), "
              "user = COALESCE(excluded.user, image.user), "
              "created = COALESCE(excluded.created, image.created) "
              "RETURNING id")
        , insertRepoDigest(
              db, "INSERT OR IGNORE INTO image_repo_digest(image_id, repo_digest) VALUES (?, ?)")
        , insertTag(db, "INSERT OR IGNORE INTO image_tag(image_id, tag) VALUES (?, ?)")
        , insertLabel(db,
                      "INSERT OR REPLACE INTO image_label(image_id, key, value) VALUES (?, ?, ?)")
        , insertPort(db, "INSERT OR IGNORE INTO image_port(image_id, port) VALUES (?, ?)")
        , insertPackage(db,
                        "INSERT OR IGNORE INTO image_package(image_id, name, version, type, "
                        "layer_diff_id) VALUES (?, ?, ?, ?, ?)")
        , markPackageList(db, "UPDATE image SET package_list = 1 WHERE id = ?")
        , insertHistory(db,
                        "INSERT OR REPLACE INTO image_history(image_id, idx, created, created_by, "
                        "empty_layer) VALUES (?, ?, ?, ?, ?)")
        , insertLayer(db,
                      "INSERT INTO layer(image_id, idx, diff_id, blob_digest, size, created_by) "
                      "VALUES (?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT(image_id, idx) DO UPDATE SET "
                      "blob_digest = COALESCE(excluded.blob_digest, layer.blob_digest), "
                      "size = COALESCE(excluded.size, layer.size), "
                      "created_by = COALESCE(excluded.created_by, layer.created_by)")
        , insertScan(db,
                     "INSERT INTO scan(snapshot_id, source_file_id, image_id, scanner, "
                     "scanner_version, taken_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)")
        , upsertVuln(db,
                     "INSERT INTO vulnerability(id, title, description, published, last_modified) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) "
                     "ON CONFLICT(id) DO UPDATE SET "
                     "title = COALESCE(vulnerability.title, excluded.title), "
                     "description = COALESCE(vulnerability.description, excluded.description), "
                     "published = COALESCE(vulnerability.published, excluded.published), "
                     "last_modified = MAX(COALESCE(vulnerability.last_modified, 0), "
                     "COALESCE(excluded.last_modified, 0))")
        , insertAlias(db, "INSERT OR IGNORE INTO vuln_alias(vuln_id, alias) VALUES (?, ?)")
        , insertUrl(db, "INSERT OR IGNORE INTO vuln_url(vuln_id, url) VALUES (?, ?)")
        , insertCwe(db, "INSERT OR IGNORE INTO vuln_cwe(vuln_id, cwe) VALUES (?, ?)")
        , insertCvss(db,
                     "INSERT OR IGNORE INTO cvss(vuln_id, source, version, vector, base_tenths) "
                     "VALUES (?, ?, ?, ?, ?)")
        , updateFinding(
              db,
              "UPDATE finding SET "
              "pkg_type = COALESCE(pkg_type, ?5), purl = COALESCE(purl, ?6), "
              "pkg_path = COALESCE(pkg_path, ?7), layer_diff_id = COALESCE(layer_diff_id, ?8), "
              "layer_idx = COALESCE(layer_idx, ?17), "
              "fix_state = CASE WHEN ?9 <> 'unknown' THEN ?9 ELSE fix_state END, "
              "fix_state_word = COALESCE(?10, fix_state_word), suppressed = MIN(suppressed, ?11), "
              "epss = COALESCE(?12, epss), known_exploited = MAX(known_exploited, ?13), "
              "first_seen = MIN(COALESCE(first_seen, ?14), ?14), "
              "last_seen = MAX(COALESCE(last_seen, ?14), ?14), "
              "fixed_versions = COALESCE(?15, fixed_versions) "
              "WHERE id = ?16 AND image_id = ?1 AND vuln_id = ?2 AND pkg_name = ?3 AND pkg_version "
              "= ?4")
        , findingsOfImage(
              db, "SELECT id, vuln_id, pkg_name, pkg_version FROM finding WHERE image_id = ?")
        , upsertContainer(
              db,
              "INSERT INTO container(platform, namespace, pod, name, init, workload_kind, "
              "workload_name, "
              "image, image_id, repo_digest, digest, config_digest, running, started_at, "
              "restart_count, "
              "privileged, host_network, host_pid, host_ipc, run_as_user, run_as_non_root, "
              "allow_privilege_escalation, capabilities_added, ports, host_ports, host_paths, "
              "labels, "
              "last_snapshot_id, image_ref) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
              "?12, ?13, "
              "?14, "
              "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29) "
              "ON CONFLICT(platform, namespace, pod, name, init) DO UPDATE SET "
              "workload_kind = excluded.workload_kind, workload_name = excluded.workload_name, "
              "image = excluded.image, image_id = excluded.image_id, repo_digest = "
              "excluded.repo_digest, "
              "digest = excluded.digest, config_digest = excluded.config_digest, running = "
              "excluded.running, "
              "started_at = excluded.started_at, restart_count = excluded.restart_count, "
              "privileged = excluded.privileged, host_network = excluded.host_network, "
              "host_pid = excluded.host_pid, host_ipc = excluded.host_ipc, run_as_user = "
              "excluded.run_as_user, "
              "run_as_non_root = excluded.run_as_non_root, "
              "allow_privilege_escalation = excluded.allow_privilege_escalation, "
              "capabilities_added = excluded.capabilities_added, ports = excluded.ports, "
              "host_ports = excluded.host_ports, host_paths = excluded.host_paths, labels = "
              "excluded.labels, image_ref = excluded.image_ref, "
              "last_snapshot_id = excluded.last_snapshot_id")
        , insertImageRef(db, "INSERT OR IGNORE INTO image_ref(image_id, ref) VALUES (?, ?)")
        , upsertService(
              db,
              "INSERT INTO service(namespace, name, type, selector, ports, external_addresses, "
              "last_snapshot_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(namespace, name) DO UPDATE SET "
              "type = excluded.type, selector = excluded.selector, ports = excluded.ports, "
              "external_addresses = excluded.external_addresses, last_snapshot_id = "
              "excluded.last_snapshot_id")
        , upsertIngress(
              db,
              "INSERT INTO ingress(namespace, name, hosts, services, tls, addresses, "
              "last_snapshot_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(namespace, name) DO UPDATE SET "
              "hosts = excluded.hosts, services = excluded.services, tls = excluded.tls, "
              "addresses = excluded.addresses, last_snapshot_id = excluded.last_snapshot_id")
        , upsertVulnSeverity(
              db,
              "INSERT INTO vuln_severity(vuln_id, source, severity, word) VALUES (?, ?, ?, ?) "
              "ON CONFLICT(vuln_id, source) DO UPDATE SET severity = excluded.severity, "
              "word = excluded.word")
        , upsertKev(db,
                    "INSERT OR REPLACE INTO kev(cve, vendor_project, product, name, date_added, "
                    "due_date, ransomware, "
                    "required_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        , upsertEpss(db,
                     "INSERT INTO epss(cve, probability, percentile, score_date, model_version) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) "
                     "ON CONFLICT(cve) DO UPDATE SET probability = excluded.probability, "
                     "percentile = excluded.percentile, score_date = excluded.score_date, "
                     "model_version = excluded.model_version "
                     "WHERE COALESCE(excluded.score_date, 0) >= COALESCE(epss.score_date, 0)")
    {}

    bool failed() const
    {
        for (const Statement *s :
             {&findFile,         &insertSnapshot,  &insertFile,         &upsertImage,
              &insertRepoDigest, &insertTag,       &insertLabel,        &insertPort,
              &insertPackage,    &markPackageList, &insertHistory,      &insertLayer,
              &insertScan,       &upsertVuln,      &insertAlias,        &insertUrl,
              &insertCwe,        &insertCvss,      &updateFinding,      &findingsOfImage,
              &upsertKev,        &upsertEpss,      &upsertVulnSeverity, &upsertContainer,
              &insertImageRef,   &upsertService,   &upsertIngress})
            if (s->failed())
                return true;
        return false;
    }

    Statement findFile, insertSnapshot, insertFile, upsertImage, insertRepoDigest, insertTag,
        insertLabel, insertPort, insertPackage, markPackageList, insertHistory, insertLayer,
        insertScan, upsertVuln, insertAlias, insertUrl, insertCwe, insertCvss, updateFinding,
        findingsOfImage, upsertContainer, insertImageRef, upsertService, upsertIngress,
        upsertVulnSeverity, upsertKev, upsertEpss;
};

} // namespace

Workspace::Workspace(sqlite3 *db)
    : m_db(db)
{}

Workspace::~Workspace()
{
    sqlite3_close(m_db);
}

int Workspace::schemaVersion()
{
    return int(std::size(kMigrations));
}

int Workspace::userVersion() const
{
    Statement q(m_db, "PRAGMA user_version");
    return q.step() ? int(q.integer(0)) : -1;
}

namespace {

// A connection to `path` (flags besides NOMUTEX from the caller), or the error naming it.
Result<sqlite3 *> openHandle(const std::string &path, int flags)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        std::string message = db ? lastError(db) : std::string("out of memory");
        sqlite3_close(db);
        return fail(path + ": cannot open workspace: " + message);
    }
    return db;
}

} // namespace

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string &path, int upToVersion)
{
    // No global memory statistics: they put a mutex around every allocation SQLite makes.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    // A new workspace is readable by its owner only (scan results say where a fleet is
    // weak); SQLite gives the -wal and -shm files the database's permissions.
    if (const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); fd >= 0)
        ::close(fd);
    auto handle = openHandle(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!handle)
        return Unexpected{handle.error()};
    sqlite3 *db = *handle;
    std::unique_ptr<Workspace> ws(new Workspace(db));
    sqlite3_busy_timeout(db, 5000);
    // Not a workspace at all (some other file)? SQLite only notices on first read.
    // A generous page cache keeps a fleet-sized import transaction in memory instead of
    // spilling pages to the WAL and reading them back (measured: 20x faster imports).
    // 64 KiB pages for a new workspace (must precede WAL): fewer, larger writes, which
    // measured 10-15 % faster fleet imports than 16 KiB; the workload is scan-heavy.
    if (!execSql(db, "PRAGMA page_size = 65536") || !execSql(db, "PRAGMA foreign_keys = ON") ||
        !execSql(db, "PRAGMA journal_mode = WAL") || !execSql(db, "PRAGMA cache_size = -262144") ||
        !execSql(db, "PRAGMA temp_store = MEMORY") || !execSql(db, "PRAGMA synchronous = NORMAL"))
        return fail(path + ": not a Patchwise workspace (" + lastError(db) + ")");
    std::string error;
    if (!ws->migrate(upToVersion < 0 ? schemaVersion() : std::min(upToVersion, schemaVersion()),
                     error))
        return fail(path + ": " + error);
    return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::openReadOnly(const std::string &path)
{
    // A SQLITE_OPEN_READONLY connection to a WAL database creates the -wal and -shm files
    // when they are missing and, unable to take the lock that a checkpoint needs, leaves
    // them behind when it closes: the workspace's state would change (a new -wal). So a
    // read-only handle only when the -wal exists already (another connection has the
    // workspace open, or left it): nothing is created then and nothing is removed. Otherwise
    // a read-write handle made read-only with query_only: SQL cannot write through it, and
    // when it is the last connection to close, SQLite removes the empty -wal and -shm it
    // made without touching the database file. A race with another connection opening or
    // closing at the same moment can at worst leave or remove an empty -wal, which the next
    // full load notices (a missed facts cache, never stale data).
    std::error_code ec;
    const bool walExists = std::filesystem::exists(path + "-wal", ec);
    auto handle = openHandle(path, walExists ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
    if (!handle)
        return Unexpected{handle.error()};
    sqlite3 *db = *handle;
    std::unique_ptr<Workspace> ws(new Workspace(db));
    // Readers wait only while another connection checkpoints on close or recovers the WAL.
    sqlite3_busy_timeout(db, 50);
    if (!execSql(db, "PRAGMA query_only = ON"))
        return fail(path + ": cannot open workspace: " + lastError(db));
    const int version = ws->userVersion();
    if (version < 0)
        return fail(path + ": not a Patchwise workspace (" + lastError(db) + ")");
    if (version < 1)
        return fail(path + ": not a Patchwise workspace (no schema)");
    if (version > schemaVersion())
        return fail(path + ": the workspace was written by a newer Patchwise (schema " +
                    std::to_string(version) + ", this version knows " +
                    std::to_string(schemaVersion()) + ")");
    return ws;
}

bool Workspace::migrate(int upToVersion, std::string &error)
{
    const int current = userVersion();
    if (current < 0) {
        error = "cannot read the schema version: " + lastError(m_db);
        return false;
    }
    if (current > schemaVersion()) {
        error = "the workspace was written by a newer Patchwise (schema " +
                std::to_string(current) + ", this version knows " +
                std::to_string(schemaVersion()) + ")";
        return false;
    }
    for (int v = current; v < upToVersion; ++v) {
        Transaction tx(m_db);
        if (!tx.begun() || !execSql(m_db, kMigrations[v]) ||
            !execSql(m_db, ("PRAGMA user_version = " + std::to_string(v + 1)).c_str()) ||
            !tx.commit()) {
            error = "schema migration " + std::to_string(v) + " → " + std::to_string(v + 1) +
                    " failed: " + lastError(m_db);
            return false;
        }
    }
    return true;
}

std::int64_t Workspace::count(const char *table) const
{
    Statement q(m_db, std::string("SELECT COUNT(*) FROM ") + table);
    return q.step() ? q.integer(0) : -1;
}

struct ImportSession::Private
{
    Private(sqlite3 *db, const ImportOptions &options)
        : db(db)
        , options(options)
        , tx(db)
        , st(db)
    {}
    sqlite3 *db;
    ImportOptions options;
    std::int64_t now = 0;
    Transaction tx;
    ImportStatements st;
    ImportSummary summary;
    std::int64_t findingsBefore = 0;
    std::int64_t snapshotId = 0;
    std::set<std::int64_t> touchedImages;
    std::set<std::string> seenHashes;
    // Vulnerability-level facts (text, aliases, URLs, CWEs, CVSS, vendor severities) are
    // written once per vulnerability and scanner per import: a fleet repeats the same CVE
    // thousands of times, and one scanner says the same about it every time.
    // XXH3-64 of vulnerability + scanner + its ratings and vectors in that report.
    std::unordered_set<std::uint64_t> vulnsWritten;
    // Finding keys (vulnerability, package, version) → id, per image touched by this import,
    // loaded from the workspace the first time the image is seen.
    // Keys are XXH3-128 fingerprints of "vulnerability\x1fpackage\x1fversion": no string
    // is allocated per finding, and a collision is astronomically unlikely.
    std::unordered_map<std::int64_t, std::unordered_map<FindingKey, std::int64_t, FindingKeyHash>>
        findingIds;
    std::string keyBuffer; // reused to build keys without allocating
    bool broken = false;

    // Rows waiting to be written in one multi-row INSERT (kBatch rows per statement). The
    // pointers and views refer to the FileRead being added, so add() flushes before it
    // returns.
    static constexpr std::size_t kBatch = 64;
    struct PendingFinding
    {
        std::int64_t id;
        std::int64_t imageId;
        const model::Finding *finding;
        std::string fixedVersions;
        std::int64_t seenAt;
        int layerIndex; // -1 when the layer is not in the image's list
    };
    struct PendingScan
    {
        std::int64_t findingId;
        std::int64_t scanId;
        std::string_view severity;
        std::string_view word;
    };
    // Vulnerability-level child rows (aliases, URLs, CWEs: vuln_id + text).
    struct PendingText
    {
        std::string_view vuln, text;
    };
    struct PendingCvss
    {
        std::string_view vuln, source, version, vector;
        int baseTenths;
    };
    struct PendingSeverity
    {
        std::string_view vuln, source, severity, word;
    };
    std::vector<PendingText> pendingAliases, pendingUrls, pendingCwes;
    std::vector<PendingCvss> pendingCvss;
    std::vector<PendingSeverity> pendingSeverities;
    std::unique_ptr<Statement> batchAliases, batchUrls, batchCwes, batchCvss, batchSeverities;

    bool flushVulnerabilityRows(bool onlyFull)
    {
        auto text = [](Statement &q, int base, const PendingText &p) {
            q.bind(base + 1, p.vuln).bind(base + 2, p.text);
        };
        auto due = [&](std::size_t size) { return !onlyFull || size >= kBatch; };
        struct TextTable
        {
            std::vector<PendingText> &rows;
            std::unique_ptr<Statement> &batch;
            const char *insert;
        };
        const TextTable textTables[] = {
            {pendingAliases,
             batchAliases,
             "INSERT OR IGNORE INTO vuln_alias(vuln_id, alias) VALUES "},
            {pendingUrls, batchUrls, "INSERT OR IGNORE INTO vuln_url(vuln_id, url) VALUES "},
            {pendingCwes, batchCwes, "INSERT OR IGNORE INTO vuln_cwe(vuln_id, cwe) VALUES "},
        };
        for (const TextTable &t : textTables) {
            if (due(t.rows.size()) && !flushBatch(t.rows, t.batch, t.insert, 2, text, {}, onlyFull))
                return false;
        }
        if (due(pendingCvss.size()) &&
            !flushBatch(
                pendingCvss,
                batchCvss,
                "INSERT OR IGNORE INTO cvss(vuln_id, source, version, vector, base_tenths) VALUES ",
                5,
                [](Statement &q, int base, const PendingCvss &p) {
                    q.bind(base + 1, p.vuln)
                        .bind(base + 2, p.source)
                        .bind(base + 3, p.version)
                        .bind(base + 4, p.vector);
                    p.baseTenths >= 0 ? q.bind(base + 5, p.baseTenths) : q.bindNull(base + 5);
                },
                {},
                onlyFull))
            return false;
        if (due(pendingSeverities.size()) &&
            !flushBatch(
                pendingSeverities,
                batchSeverities,
                "INSERT INTO vuln_severity(vuln_id, source, severity, word) VALUES ",
                4,
                [](Statement &q, int base, const PendingSeverity &p) {
                    q.bind(base + 1, p.vuln)
                        .bind(base + 2, p.source)
                        .bind(base + 3, p.severity)
                        .bindOptional(base + 4, p.word);
                },
                " ON CONFLICT(vuln_id, source) DO UPDATE SET severity = excluded.severity, word = "
                "excluded.word",
                onlyFull))
            return false;
        return true;
    }

    std::int64_t nextFindingId = 1;
    bool bulk = false; // see beginImport()
    std::vector<PendingFinding> pendingFindings;
    std::vector<PendingScan> pendingScans;
    std::unique_ptr<Statement> batchFindings;
    std::unique_ptr<Statement> batchScans;

    static std::string valuesClause(int columns, std::size_t rows)
    {
        std::string row = "(";
        for (int c = 0; c < columns; ++c)
            row += c ? ",?" : "?";
        row += ")";
        std::string out;
        for (std::size_t r = 0; r < rows; ++r) {
            if (r)
                out += ',';
            out += row;
        }
        return out;
    }

    static constexpr int kFindingColumns = 18;
    static constexpr const char *kInsertFinding =
        "INSERT INTO finding(id, image_id, vuln_id, pkg_name, pkg_version, pkg_type, purl, "
        "pkg_path, "
        "layer_diff_id, fix_state, fix_state_word, suppressed, epss, known_exploited, first_seen, "
        "last_seen, fixed_versions, layer_idx) VALUES ";

    static void bindFinding(Statement &q, int base, const PendingFinding &p)
    {
        const model::Finding &f = *p.finding;
        q.bind(base + 1, p.id)
            .bind(base + 2, p.imageId)
            .bind(base + 3, f.vulnerabilityId)
            .bind(base + 4, f.packageName)
            .bind(base + 5, f.packageVersion)
            .bindOptional(base + 6, f.packageType)
            .bindOptional(base + 7, f.purl)
            .bindOptional(base + 8, f.packagePath)
            .bindOptional(base + 9,
                          p.layerIndex >= 0 ? std::string_view{} : std::string_view(f.layerDiffId))
            .bind(base + 10, model::fixStateKey(f.fixState))
            .bindOptional(base + 11, f.fixStateWord)
            .bind(base + 12, f.suppressed ? 1 : 0);
        f.epss ? q.bind(base + 13, *f.epss) : q.bindNull(base + 13);
        q.bind(base + 14, f.knownExploited ? 1 : 0)
            .bind(base + 15, p.seenAt)
            .bind(base + 16, p.seenAt)
            .bindOptional(base + 17, p.fixedVersions);
        p.layerIndex >= 0 ? q.bind(base + 18, p.layerIndex) : q.bindNull(base + 18);
    }

    // Writes the pending rows: full batches through one multi-row statement (prepared
    // once), a remainder row by row. Clears `pending` on success.
    template<typename Row, typename Bind>
    bool flushBatch(std::vector<Row> &pending,
                    std::unique_ptr<Statement> &batch,
                    std::string_view insert,
                    int columns,
                    Bind bind,
                    std::string_view suffix = {},
                    bool keepRemainder = false)
    {
        std::size_t done = 0;
        while (pending.size() - done >= kBatch) {
            if (!batch)
                batch = std::make_unique<Statement>(
                    db, std::string(insert) + valuesClause(columns, kBatch) + std::string(suffix));
            for (std::size_t r = 0; r < kBatch; ++r)
                bind(*batch, int(r) * columns, pending[done + r]);
            if (!batch->exec())
                return false;
            done += kBatch;
        }
        if (!keepRemainder && done < pending.size()) {
            Statement one(db, std::string(insert) + valuesClause(columns, 1) + std::string(suffix));
            for (; done < pending.size(); ++done) {
                bind(one, 0, pending[done]);
                if (!one.exec())
                    return false;
            }
        }
        pending.erase(pending.begin(), pending.begin() + std::ptrdiff_t(done));
        return true;
    }

    bool flushFindings()
    {
        return flushBatch(
            pendingFindings, batchFindings, kInsertFinding, kFindingColumns, &bindFinding);
    }

    bool flushScans()
    {
        if (!flushFindings()) // finding_scan rows refer to them
            return false;
        return flushBatch(pendingScans,
                          batchScans,
                          "INSERT OR IGNORE INTO finding_scan(finding_id, scan_id, severity, "
                          "severity_word) VALUES ",
                          4,
                          [](Statement &q, int base, const PendingScan &p) {
                              q.bind(base + 1, p.findingId)
                                  .bind(base + 2, p.scanId)
                                  .bindOptional(base + 3, p.severity)
                                  .bindOptional(base + 4, p.word);
                          });
    }

    std::int64_t countFindings() const
    {
        Statement q(db, "SELECT COUNT(*) FROM finding");
        return q.step() ? q.integer(0) : 0;
    }
};

ImportSession::ImportSession(std::unique_ptr<Private> d)
    : d(std::move(d))
{}

ImportSession::~ImportSession() = default;

Result<std::unique_ptr<ImportSession>> Workspace::beginImport(const ImportOptions &options)
{
    auto p = std::make_unique<ImportSession::Private>(m_db, options);
    if (!p->tx.begun())
        return fail("cannot start the import transaction: " + lastError(m_db));
    if (p->st.failed())
        return fail("cannot prepare the import: " + lastError(m_db));
    p->now = options.now ? options.now : systemNow();
    p->findingsBefore = p->countFindings();
    {
        Statement maxId(p->db, "SELECT COALESCE(MAX(id), 0) + 1 FROM finding");
        p->nextFindingId = maxId.step() ? maxId.integer(0) : 1;
    }
    // Bulk mode for a small workspace: every finding key is loaded now and the image index
    // is dropped for the duration of the import and rebuilt once at commit, instead of
    // being updated at random places for every new row.
    if (p->findingsBefore <= options.bulkModeUpTo) {
        Statement all(p->db, "SELECT id, image_id, vuln_id, pkg_name, pkg_version FROM finding");
        while (all.step())
            p->findingIds[all.integer(1)].emplace(
                findingKey(p->keyBuffer, all.text(2), all.text(3), all.text(4)), all.integer(0));
        if (all.failed() || !execSql(p->db, "DROP INDEX IF EXISTS finding_by_image"))
            return fail("cannot prepare the import: " + lastError(m_db));
        p->bulk = true;
    }
    return std::unique_ptr<ImportSession>(new ImportSession(std::move(p)));
}

Result<ImportSummary> Workspace::import(const std::vector<ingest::FileRead> &files,
                                        const ImportOptions &options)
{
    auto session = beginImport(options);
    if (!session)
        return fail(session.error());
    for (const ingest::FileRead &file : files) {
        const auto added = (*session)->add(file);
        if (!added)
            return fail(added.error());
    }
    return (*session)->commit();
}

Result<bool> ImportSession::add(const ingest::FileRead &file)
{
    if (d->broken)
        return fail("the import was abandoned after an earlier error");
    sqlite3 *const m_db = d->db;
    ImportStatements &st = d->st;
    const ImportOptions &options = d->options;
    const std::int64_t now = d->now;
    std::int64_t &snapshotId = d->snapshotId;
    d->broken = true; // until this file is stored completely
    ImportedFile out;
    out.path = file.path;
    out.format = std::string(ingest::formatKey(file.format));
    out.skipped = file.skipped;
    st.findFile.bind(1, file.contentHash);
    const bool known = st.findFile.step() || d->seenHashes.count(file.contentHash);
    st.findFile.reset();
    if (known) {
        out.alreadyImported = true;
        d->summary.files.push_back(std::move(out));
        d->broken = false;
        return false;
    }
    d->seenHashes.insert(file.contentHash);
    if (snapshotId == 0) {
        st.insertSnapshot.bind(1, options.snapshotTime.value_or(now)).bind(2, now);
        if (!st.insertSnapshot.exec())
            return fail("cannot record the snapshot: " + lastError(m_db));
        snapshotId = sqlite3_last_insert_rowid(m_db);
    }
    st.insertFile.bind(1, snapshotId)
        .bind(2, file.path)
        .bind(3, out.format)
        .bind(4, file.contentHash);
    if (!st.insertFile.exec())
        return fail(file.path + ": cannot record the file: " + lastError(m_db));
    const std::int64_t fileId = sqlite3_last_insert_rowid(m_db);

    for (const model::Scan &scan : file.scans) {
        const model::Image &img = scan.image;
        const std::string identity = imageIdentity(img);
        st.upsertImage.bind(1, identity)
            .bindOptional(2, img.configDigest)
            .bind(3, img.name)
            .bindOptional(4, img.osFamily)
            .bindOptional(5, img.osVersion)
            .bind(6, img.osEndOfLife ? 1 : 0)
            .bindOptional(7, img.architecture);
        if (img.user)
            st.upsertImage.bind(8, *img.user);
        else
            st.upsertImage.bindNull(8); // unknown, not "root": an earlier report may know
        if (img.created)
            st.upsertImage.bind(9, img.created);
        else
            st.upsertImage.bindNull(9);
        if (!st.upsertImage.step())
            return fail(file.path + ": cannot store the image: " + lastError(m_db));
        const std::int64_t imageId = st.upsertImage.integer(0);
        st.upsertImage.reset();
        d->touchedImages.insert(imageId);
        auto [slot, firstTouch] = d->findingIds.try_emplace(imageId);
        auto &imageFindings = slot->second;
        if (firstTouch && !d->bulk) {
            st.findingsOfImage.bind(1, imageId);
            while (st.findingsOfImage.step()) {
                imageFindings.emplace(findingKey(d->keyBuffer,
                                                 st.findingsOfImage.text(1),
                                                 st.findingsOfImage.text(2),
                                                 st.findingsOfImage.text(3)),
                                      st.findingsOfImage.integer(0));
            }
            st.findingsOfImage.reset();
        }
        ++out.images;
        for (const std::string &digest : img.repoDigests)
            st.insertRepoDigest.bind(1, imageId).bind(2, digest).exec();
        for (const std::string &t : img.tags) {
            st.insertTag.bind(1, imageId).bind(2, t).exec();
            const std::string ref = model::normalizedImageRef(t);
            if (!ref.empty())
                st.insertImageRef.bind(1, imageId).bind(2, ref).exec();
        }
        if (const std::string ref = model::normalizedImageRef(img.name); !ref.empty())
            st.insertImageRef.bind(1, imageId).bind(2, ref).exec();
        for (const auto &[k, v] : img.labels)
            st.insertLabel.bind(1, imageId).bind(2, k).bind(3, v).exec();
        for (const std::string &p : img.exposedPorts)
            st.insertPort.bind(1, imageId).bind(2, p).exec();
        for (const model::Package &p : img.packages)
            st.insertPackage.bind(1, imageId)
                .bind(2, p.name)
                .bind(3, p.version)
                .bind(4, p.type)
                .bind(5, p.layerDiffId)
                .exec();
        if (img.packageListComplete)
            st.markPackageList.bind(1, imageId).exec();
        for (std::size_t i = 0; i < img.history.size(); ++i) {
            const model::HistoryEntry &h = img.history[i];
            st.insertHistory.bind(1, imageId).bind(2, std::int64_t(i));
            h.created ? st.insertHistory.bind(3, h.created) : st.insertHistory.bindNull(3);
            st.insertHistory.bindOptional(4, h.createdBy).bind(5, h.emptyLayer ? 1 : 0).exec();
        }
        for (std::size_t i = 0; i < img.layers.size(); ++i) {
            const model::Layer &l = img.layers[i];
            st.insertLayer.bind(1, imageId)
                .bind(2, std::int64_t(i))
                .bind(3, l.diffId)
                .bindOptional(4, l.blobDigest);
            if (l.size >= 0)
                st.insertLayer.bind(5, l.size);
            else
                st.insertLayer.bindNull(5);
            st.insertLayer.bindOptional(6, l.createdBy).exec();
        }

        const std::int64_t takenAt = options.snapshotTime ? *options.snapshotTime
                                     : scan.scannedAt     ? scan.scannedAt
                                                          : now;
        st.insertScan.bind(1, snapshotId)
            .bind(2, fileId)
            .bind(3, imageId)
            .bind(4, scan.scanner)
            .bindOptional(5, scan.scannerVersion)
            .bind(6, takenAt);
        if (!st.insertScan.exec())
            return fail(file.path + ": cannot record the scan: " + lastError(m_db));
        const std::int64_t scanId = sqlite3_last_insert_rowid(m_db);

        std::unordered_map<std::string_view, int> layerOf; // DiffID → position in this image
        for (std::size_t i = 0; i < img.layers.size(); ++i)
            layerOf.emplace(img.layers[i].diffId, int(i));
        for (const model::Finding &f : scan.findings) {
            ++out.findings;
            // What a report says about the vulnerability itself is written once per distinct
            // statement: reports from different trivy-db versions (or trimmed VendorSeverity
            // maps) rate the same CVE differently, and every rating must land.
            d->keyBuffer.assign(f.vulnerabilityId).append(1, '\n').append(scan.scanner);
            for (const model::SeverityRating &r : f.severities)
                if (!r.scannerPick)
                    d->keyBuffer.append(1, '\n').append(r.source).append(1, '=').append(
                        model::severityKey(r.severity));
            for (const model::CvssRecord &c : f.cvss)
                d->keyBuffer.append(1, '\n').append(c.source).append(1, ' ').append(c.vector);
            if (d->vulnsWritten.insert(XXH3_64bits(d->keyBuffer.data(), d->keyBuffer.size()))
                    .second) {
                st.upsertVuln.bind(1, f.vulnerabilityId)
                    .bindOptional(2, f.title)
                    .bindOptional(3, f.description);
                f.published ? st.upsertVuln.bind(4, f.published) : st.upsertVuln.bindNull(4);
                f.lastModified ? st.upsertVuln.bind(5, f.lastModified) : st.upsertVuln.bindNull(5);
                st.upsertVuln.exec();
                for (const std::string &a : f.aliases)
                    d->pendingAliases.push_back({f.vulnerabilityId, a});
                for (const std::string &u : f.urls)
                    d->pendingUrls.push_back({f.vulnerabilityId, u});
                for (const std::string &c : f.cwes)
                    d->pendingCwes.push_back({f.vulnerabilityId, c});
                for (const model::CvssRecord &c : f.cvss)
                    d->pendingCvss.push_back(
                        {f.vulnerabilityId, c.source, c.version, c.vector, c.baseTenths});
                for (const model::SeverityRating &r : f.severities) {
                    if (!r.scannerPick)
                        d->pendingSeverities.push_back(
                            {f.vulnerabilityId, r.source, model::severityKey(r.severity), r.word});
                }
                if (!d->flushVulnerabilityRows(true))
                    return fail(file.path +
                                ": cannot store vulnerability details: " + lastError(m_db));
            }
            int layerIndex = -1;
            if (!f.layerDiffId.empty())
                if (const auto it = layerOf.find(f.layerDiffId); it != layerOf.end())
                    layerIndex = it->second;
            const FindingKey key =
                findingKey(d->keyBuffer, f.vulnerabilityId, f.packageName, f.packageVersion);
            std::string fixed = joinedLines(f.fixedVersions);
            auto known = imageFindings.find(key);
            std::int64_t findingId;
            if (known == imageFindings.end()) {
                // New rows are written in batches; ids are assigned here so that the
                // batch needs no round trip per row.
                findingId = d->nextFindingId++;
                imageFindings.emplace(key, findingId);
                d->pendingFindings.push_back(
                    {findingId, imageId, &f, std::move(fixed), takenAt, layerIndex});
                if (d->pendingFindings.size() == Private::kBatch && !d->flushFindings())
                    return fail(file.path + ": cannot store findings: " + lastError(m_db));
            } else {
                findingId = known->second;
                if (!d->pendingFindings.empty() && findingId >= d->pendingFindings.front().id &&
                    !d->flushFindings())
                    return fail(file.path + ": cannot store findings: " + lastError(m_db));
                Statement &write = st.updateFinding;
                write.bind(1, imageId)
                    .bind(2, f.vulnerabilityId)
                    .bind(3, f.packageName)
                    .bind(4, f.packageVersion)
                    .bindOptional(5, f.packageType)
                    .bindOptional(6, f.purl)
                    .bindOptional(7, f.packagePath)
                    .bindOptional(
                        8, layerIndex >= 0 ? std::string_view{} : std::string_view(f.layerDiffId))
                    .bind(9, model::fixStateKey(f.fixState))
                    .bindOptional(10, f.fixStateWord)
                    .bind(11, f.suppressed ? 1 : 0);
                f.epss ? write.bind(12, *f.epss) : write.bindNull(12);
                write.bind(13, f.knownExploited ? 1 : 0).bind(14, takenAt).bindOptional(15, fixed);
                layerIndex >= 0 ? write.bind(17, layerIndex) : write.bindNull(17);
                if (!write.bind(16, findingId).exec())
                    return fail(file.path + ": cannot update finding " + f.vulnerabilityId + ": " +
                                lastError(m_db));
            }
            const auto pick = std::find_if(f.severities.begin(),
                                           f.severities.end(),
                                           [](const auto &r) { return r.scannerPick; });
            d->pendingScans.push_back(
                {findingId,
                 scanId,
                 pick != f.severities.end() ? model::severityKey(pick->severity)
                                            : std::string_view{},
                 pick != f.severities.end() ? std::string_view(pick->word) : std::string_view{}});
            if (d->pendingScans.size() == Private::kBatch && !d->flushScans())
                return fail(file.path + ": cannot store findings: " + lastError(m_db));
        }
    }
    if (!d->flushScans() || !d->flushVulnerabilityRows(false))
        return fail(file.path + ": cannot store findings: " + lastError(m_db));
    // Inventory: the latest import of a container/service/ingress describes it now.
    auto lines = [](const std::vector<std::string> &items) {
        std::string joined;
        for (const std::string &i : items) {
            if (!joined.empty())
                joined.push_back('\n');
            joined.append(i);
        }
        return joined;
    };
    auto pairs = [](const std::vector<std::pair<std::string, std::string>> &items) {
        std::string joined;
        for (const auto &[k, v] : items) {
            if (!joined.empty())
                joined.push_back('\n');
            joined.append(k).append("=").append(v);
        }
        return joined;
    };
    for (const model::Container &c : file.containers) {
        const std::string digest =
            c.repoDigest.empty() ? std::string() : c.repoDigest.substr(c.repoDigest.find('@') + 1);
        const std::string caps = lines(c.capabilitiesAdded), ports = lines(c.ports),
                          hostPorts = lines(c.hostPorts), hostPaths = lines(c.hostPaths),
                          labels = pairs(c.podLabels),
                          imageRef = model::normalizedImageRef(c.image);
        Statement &q = st.upsertContainer;
        q.bind(1, c.platform)
            .bind(2, c.namespaceName)
            .bind(3, c.podName)
            .bind(4, c.name)
            .bind(5, c.initContainer ? 1 : 0)
            .bindOptional(6, c.workloadKind)
            .bindOptional(7, c.workloadName)
            .bindOptional(8, c.image)
            .bindOptional(9, c.imageId)
            .bindOptional(10, c.repoDigest)
            .bindOptional(11, digest)
            .bindOptional(12, c.configDigest)
            .bind(13, c.running ? 1 : 0);
        c.startedAt ? q.bind(14, c.startedAt) : q.bindNull(14);
        q.bind(15, c.restartCount)
            .bind(16, c.privileged ? 1 : 0)
            .bind(17, c.hostNetwork ? 1 : 0)
            .bind(18, c.hostPid ? 1 : 0)
            .bind(19, c.hostIpc ? 1 : 0);
        c.runAsUser ? q.bind(20, *c.runAsUser) : q.bindNull(20);
        q.bind(21, c.runAsNonRoot ? 1 : 0)
            .bind(22, c.allowPrivilegeEscalation ? 1 : 0)
            .bindOptional(23, caps)
            .bindOptional(24, ports)
            .bindOptional(25, hostPorts)
            .bindOptional(26, hostPaths)
            .bindOptional(27, labels)
            .bind(28, snapshotId)
            .bindOptional(29, imageRef);
        if (!q.exec())
            return fail(file.path + ": cannot store container " + c.name + ": " + lastError(m_db));
        ++out.containers;
    }
    for (const model::Service &v : file.services) {
        const std::string selector = pairs(v.selector), ports = lines(v.ports),
                          addresses = lines(v.externalAddresses);
        st.upsertService.bind(1, v.namespaceName)
            .bind(2, v.name)
            .bind(3, v.type)
            .bindOptional(4, selector)
            .bindOptional(5, ports)
            .bindOptional(6, addresses)
            .bind(7, snapshotId)
            .exec();
    }
    for (const model::Ingress &i : file.ingresses) {
        const std::string hosts = lines(i.hosts), services = lines(i.services),
                          addresses = lines(i.addresses);
        st.upsertIngress.bind(1, i.namespaceName)
            .bind(2, i.name)
            .bindOptional(3, hosts)
            .bindOptional(4, services)
            .bind(5, i.tls ? 1 : 0)
            .bindOptional(6, addresses)
            .bind(7, snapshotId)
            .exec();
    }
    for (const model::KevEntry &k : file.kev) {
        st.upsertKev.bind(1, k.cve)
            .bindOptional(2, k.vendorProject)
            .bindOptional(3, k.product)
            .bindOptional(4, k.name);
        k.dateAdded ? st.upsertKev.bind(5, k.dateAdded) : st.upsertKev.bindNull(5);
        k.dueDate ? st.upsertKev.bind(6, k.dueDate) : st.upsertKev.bindNull(6);
        st.upsertKev.bind(7, k.ransomware ? 1 : 0).bindOptional(8, k.requiredAction).exec();
        ++out.feedEntries;
    }
    for (const model::EpssEntry &e : file.epss) {
        st.upsertEpss.bind(1, e.cve).bind(2, e.probability).bind(3, e.percentile);
        file.epssScoreDate ? st.upsertEpss.bind(4, file.epssScoreDate) : st.upsertEpss.bindNull(4);
        st.upsertEpss.bindOptional(5, file.epssModelVersion).exec();
        ++out.feedEntries;
    }
    if (st.failed())
        return fail(file.path + ": cannot store: " + lastError(m_db));
    d->summary.files.push_back(std::move(out));
    d->broken = false;
    return true;
}

Result<ImportSummary> ImportSession::commit()
{
    if (d->broken)
        return fail("the import was abandoned after an earlier error");
    sqlite3 *const m_db = d->db;
    if (d->bulk &&
        !execSql(m_db, "CREATE INDEX IF NOT EXISTS finding_by_image ON finding(image_id)"))
        return fail("cannot rebuild the finding index: " + lastError(m_db));
    // First and last seen are kept up to date as findings are stored. Resolution follows
    // from each touched image's scan history: a finding is resolved at the first scan of
    // its image after it was last seen (so backfilled older scans land in the right place,
    // and a finding that comes back is open again).
    Statement resolution(
        m_db,
        "UPDATE finding SET resolved_at = (SELECT MIN(s.taken_at) FROM scan s "
        "  WHERE s.image_id = finding.image_id AND s.taken_at > finding.last_seen) "
        "WHERE image_id = ?1 AND (resolved_at IS NOT NULL OR last_seen < "
        "  (SELECT MAX(taken_at) FROM scan WHERE image_id = ?1))");
    for (std::int64_t imageId : d->touchedImages) {
        if (!resolution.bind(1, imageId).exec())
            return fail("cannot update finding history: " + lastError(m_db));
    }

    // Containers ↔ images, rebuilt: exact by repo digest or config digest, else probable
    // by tag (or scanned name).
    if (!execSql(m_db, "DELETE FROM container_image") ||
        !execSql(
            m_db,
            "INSERT OR IGNORE INTO container_image(container_id, image_id, match, probable) "
            "SELECT c.id, r.image_id, 'repo-digest', 0 FROM container c JOIN image_repo_digest r "
            "ON c.digest IS NOT NULL AND substr(r.repo_digest, instr(r.repo_digest, '@') + 1) = "
            "c.digest") ||
        !execSql(m_db,
                 "INSERT OR IGNORE INTO container_image(container_id, image_id, match, probable) "
                 "SELECT c.id, i.id, 'config-digest', 0 FROM container c JOIN image i "
                 "ON c.config_digest IS NOT NULL AND i.config_digest = c.config_digest") ||
        !execSql(m_db,
                 "INSERT OR IGNORE INTO container_image(container_id, image_id, match, probable) "
                 "SELECT c.id, r.image_id, 'tag', 1 FROM container c JOIN image_ref r ON r.ref = "
                 "c.image_ref "
                 "WHERE NOT EXISTS (SELECT 1 FROM container_image x WHERE x.container_id = c.id)"))
        return fail("cannot join containers to images: " + lastError(m_db));

    if (!rebuildRoutes(m_db))
        return fail("cannot route services to containers: " + lastError(m_db));

    // The snapshot is dated by its reports (the latest scan time), unless a time was given.
    if (d->snapshotId != 0 && !d->options.snapshotTime) {
        Statement date(m_db,
                       "UPDATE snapshot SET taken_at = COALESCE((SELECT MAX(taken_at) FROM scan "
                       "WHERE snapshot_id = ?1), taken_at) WHERE id = ?1");
        if (!date.bind(1, d->snapshotId).exec())
            return fail("cannot date the snapshot: " + lastError(m_db));
    }
    if (d->snapshotId != 0)
        d->summary.snapshotId = d->snapshotId;
    d->summary.newFindings = int(d->countFindings() - d->findingsBefore);
    if (!d->tx.commit())
        return fail("cannot commit the import: " + lastError(m_db));
    d->broken = true; // a session commits once
    return std::move(d->summary);
}

Result<bool> Workspace::setBaseOverride(std::int64_t imageId,
                                        const std::string &baseRef,
                                        int layerCount,
                                        std::int64_t now)
{
    Statement q(m_db,
                "INSERT INTO base_override(image_identity, base_ref, layer_count, set_at) "
                "SELECT identity, ?2, ?3, ?4 FROM image WHERE id = ?1 "
                "ON CONFLICT(image_identity) DO UPDATE SET base_ref = excluded.base_ref, "
                "layer_count = excluded.layer_count, set_at = excluded.set_at");
    q.bind(1, imageId).bind(2, baseRef).bind(4, now ? now : systemNow());
    layerCount >= 0 ? q.bind(3, layerCount) : q.bindNull(3);
    if (!q.exec())
        return fail("cannot store the base image: " + lastError(m_db));
    return sqlite3_changes(m_db) > 0;
}

Result<bool> Workspace::clearBaseOverride(std::int64_t imageId)
{
    Statement q(m_db,
                "DELETE FROM base_override WHERE image_identity = "
                "(SELECT identity FROM image WHERE id = ?)");
    q.bind(1, imageId);
    if (!q.exec())
        return fail("cannot clear the base image: " + lastError(m_db));
    return sqlite3_changes(m_db) > 0;
}

Result<std::int64_t> Workspace::latestScanTime() const
{
    Statement q(m_db, "SELECT COALESCE(max(taken_at), 0) FROM scan");
    if (!q.step())
        return fail("cannot read the scans: " + lastError(m_db));
    return q.integer(0);
}

namespace {

// What the history records of a decision: "state|reason|expires".
std::string decisionSummary(std::string_view state, std::string_view reason, std::int64_t expires)
{
    return std::string(state) + "|" + std::string(reason) + "|" +
           (expires > 0 ? std::to_string(expires) : std::string());
}

} // namespace

Result<int> Workspace::recordDecisions(const std::vector<Decision> &decisions,
                                       const std::string &who,
                                       std::int64_t now)
{
    Transaction tx(m_db);
    if (!tx.begun())
        return fail("cannot record decisions: " + lastError(m_db));
    Statement find(m_db,
                   "SELECT id, state, reason, COALESCE(expires, 0), justification, note, owner "
                   "FROM decision WHERE scope = ? AND scope_key = ? AND vuln_id = ? AND "
                   "pkg_name = ? AND pkg_version = ?");
    // Inserted, or (same scope, key, vulnerability and package) replaced in place: the id
    // and the creation time stay.
    Statement upsert(m_db,
                     "INSERT INTO decision(scope, scope_key, vuln_id, pkg_name, state, "
                     "justification, reason, note, owner, expires, created_at, updated_at, "
                     "pkg_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12) "
                     "ON CONFLICT(scope, scope_key, vuln_id, pkg_name, pkg_version) DO UPDATE SET "
                     "state = excluded.state, justification = excluded.justification, "
                     "reason = excluded.reason, note = excluded.note, owner = excluded.owner, "
                     "expires = excluded.expires, updated_at = excluded.updated_at "
                     "RETURNING id");
    Statement history(m_db,
                      "INSERT INTO decision_history(decision_id, at, who, before, after) "
                      "VALUES (?, ?, ?, ?, ?)");
    int changed = 0;
    for (const Decision &d : decisions) {
        const std::string_view scope = model::decisionScopeName(d.scope);
        const std::string_view state = model::triageStateName(d.state);
        const std::string after = decisionSummary(state, d.reason, d.expires);
        find.reset();
        find.bind(1, scope)
            .bind(2, d.scopeKey)
            .bind(3, d.vulnerability)
            .bind(4, d.package)
            .bind(5, d.version);
        std::int64_t id = 0;
        std::string before;
        bool same = false;
        if (find.step()) {
            id = find.integer(0);
            before = decisionSummary(find.text(1), find.text(2), find.integer(3));
            same = before == after && find.text(4) == d.justification && find.text(5) == d.note &&
                   find.text(6) == d.owner;
        } else if (find.failed()) {
            return fail("cannot record decisions: " + lastError(m_db));
        }
        if (same)
            continue; // re-recording the same decision changes nothing
        upsert.reset();
        upsert.bind(1, scope)
            .bind(2, d.scopeKey)
            .bind(3, d.vulnerability)
            .bind(4, d.package)
            .bind(5, state)
            .bind(6, d.justification)
            .bind(7, d.reason)
            .bind(8, d.note)
            .bind(9, d.owner);
        if (d.expires > 0)
            upsert.bind(10, d.expires);
        else
            upsert.bindNull(10);
        upsert.bind(11, now).bind(12, d.version);
        if (!upsert.step())
            return fail("cannot record decisions: " + lastError(m_db));
        id = upsert.integer(0);
        upsert.reset(); // RETURNING keeps the statement open until reset
        history.reset();
        history.bind(1, id).bind(2, now).bind(3, who).bind(4, before).bind(5, after);
        if (!history.exec())
            return fail("cannot record decisions: " + lastError(m_db));
        ++changed;
    }
    if (!tx.commit())
        return fail("cannot record decisions: " + lastError(m_db));
    return changed;
}

Result<int> Workspace::removeDecisions(const std::vector<Decision> &decisions,
                                       const std::string &who,
                                       std::int64_t now)
{
    Transaction tx(m_db);
    if (!tx.begun())
        return fail("cannot remove decisions: " + lastError(m_db));
    Statement remove(m_db,
                     "DELETE FROM decision WHERE scope = ? AND scope_key = ? AND vuln_id = ? AND "
                     "pkg_name = ? AND pkg_version = ? RETURNING id, state, reason, "
                     "COALESCE(expires, 0)");
    Statement history(m_db,
                      "INSERT INTO decision_history(decision_id, at, who, before, after) "
                      "VALUES (?, ?, ?, ?, '')");
    int removed = 0;
    for (const Decision &d : decisions) {
        remove.reset();
        remove.bind(1, model::decisionScopeName(d.scope))
            .bind(2, d.scopeKey)
            .bind(3, d.vulnerability)
            .bind(4, d.package)
            .bind(5, d.version);
        if (!remove.step()) {
            if (remove.failed())
                return fail("cannot remove decisions: " + lastError(m_db));
            continue; // there was none
        }
        const std::int64_t id = remove.integer(0);
        const std::string before =
            decisionSummary(remove.text(1), remove.text(2), remove.integer(3));
        remove.reset();
        history.reset();
        history.bind(1, id).bind(2, now).bind(3, who).bind(4, before);
        if (!history.exec())
            return fail("cannot remove decisions: " + lastError(m_db));
        ++removed;
    }
    if (!tx.commit())
        return fail("cannot remove decisions: " + lastError(m_db));
    return removed;
}

Result<std::vector<Decision>> Workspace::decisions() const
{
    std::vector<Decision> out;
    Statement q(m_db,
                "SELECT id, scope, scope_key, vuln_id, pkg_name, state, justification, reason, "
                "note, owner, COALESCE(expires, 0), created_at, updated_at, pkg_version "
                "FROM decision ORDER BY id");
    while (q.step()) {
        Decision d;
        d.id = q.integer(0);
        d.scope = model::decisionScopeFromName(q.text(1)).value_or(model::DecisionScope::Digest);
        d.scopeKey = std::string(q.text(2));
        d.vulnerability = std::string(q.text(3));
        d.package = std::string(q.text(4));
        d.state = model::triageStateFromName(q.text(5)).value_or(model::TriageState::New);
        d.justification = std::string(q.text(6));
        d.reason = std::string(q.text(7));
        d.note = std::string(q.text(8));
        d.owner = std::string(q.text(9));
        d.expires = q.integer(10);
        d.createdAt = q.integer(11);
        d.updatedAt = q.integer(12);
        d.version = std::string(q.text(13));
        out.push_back(std::move(d));
    }
    if (q.failed())
        return fail("cannot read decisions: " + lastError(m_db));
    return out;
}

Result<std::vector<PackagePurl>>
Workspace::packagePurls(const std::vector<std::string> &packages) const
{
    std::vector<PackagePurl> out;
    if (packages.empty())
        return out;
    const std::set<std::string, std::less<>> wanted(packages.begin(), packages.end());
    Statement q(m_db,
                "SELECT DISTINCT pkg_name, COALESCE(pkg_version, ''), purl FROM finding "
                "WHERE purl IS NOT NULL AND purl <> '' ORDER BY 1, 2, 3");
    while (q.step()) {
        if (!wanted.contains(q.text(0)))
            continue;
        out.push_back({std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2))});
    }
    if (q.failed())
        return fail("cannot read package URLs: " + lastError(m_db));
    return out;
}

Result<std::vector<DecisionChange>> Workspace::decisionHistory() const
{
    std::vector<DecisionChange> out;
    Statement q(m_db,
                "SELECT decision_id, at, who, before, after FROM decision_history ORDER BY id");
    while (q.step())
        out.push_back({q.integer(0),
                       q.integer(1),
                       std::string(q.text(2)),
                       std::string(q.text(3)),
                       std::string(q.text(4))});
    if (q.failed())
        return fail("cannot read the decision history: " + lastError(m_db));
    return out;
}

Result<std::vector<ImageLayers>> Workspace::imageLayers() const
{
    std::vector<ImageLayers> images;
    std::unordered_map<std::int64_t, std::size_t> byId;
    Statement q(m_db, "SELECT id, name, COALESCE(config_digest, '') FROM image ORDER BY id");
    while (q.step()) {
        byId.emplace(q.integer(0), images.size());
        ImageLayers image;
        image.id = q.integer(0);
        image.name = std::string(q.text(1));
        image.digest = std::string(q.text(2));
        images.push_back(std::move(image));
    }
    Statement digests(m_db, "SELECT image_id, repo_digest FROM image_repo_digest ORDER BY 1, 2");
    while (digests.step())
        if (auto it = byId.find(digests.integer(0)); it != byId.end())
            images[it->second].repoDigests.emplace_back(digests.text(1));
    Statement refs(m_db, "SELECT image_id, ref FROM image_ref ORDER BY 1, 2");
    while (refs.step())
        if (auto it = byId.find(refs.integer(0)); it != byId.end())
            images[it->second].refs.emplace_back(refs.text(1));
    Statement labels(m_db,
                     "SELECT image_id, key, value FROM image_label WHERE key IN "
                     "('org.opencontainers.image.base.name', "
                     "'org.opencontainers.image.base.digest')");
    while (labels.step())
        if (auto it = byId.find(labels.integer(0)); it != byId.end())
            (labels.text(1).ends_with(".name") ? images[it->second].baseNameLabel
                                               : images[it->second].baseDigestLabel) =
                std::string(labels.text(2));
    Statement layers(m_db,
                     "SELECT image_id, diff_id, COALESCE(blob_digest, ''), COALESCE(size, -1), "
                     "COALESCE(created_by, '') FROM layer ORDER BY image_id, idx");
    while (layers.step())
        if (auto it = byId.find(layers.integer(0)); it != byId.end())
            images[it->second].layers.push_back({std::string(layers.text(1)),
                                                 std::string(layers.text(2)),
                                                 layers.integer(3),
                                                 std::string(layers.text(4))});
    Statement overrides(m_db,
                        "SELECT i.id, o.base_ref, COALESCE(o.layer_count, -1) FROM base_override o "
                        "JOIN image i ON i.identity = o.image_identity");
    while (overrides.step())
        if (auto it = byId.find(overrides.integer(0)); it != byId.end()) {
            images[it->second].manualBase = true;
            images[it->second].manualBaseRef = std::string(overrides.text(1));
            images[it->second].manualBaseLayers = int(overrides.integer(2));
        }
    Statement history(m_db,
                      "SELECT image_id, COALESCE(created, 0), COALESCE(created_by, ''), "
                      "empty_layer FROM image_history ORDER BY image_id, idx");
    while (history.step())
        if (auto it = byId.find(history.integer(0)); it != byId.end())
            images[it->second].history.push_back(
                {history.integer(1), std::string(history.text(2)), history.integer(3) != 0});
    // Listed packages with their layer (only those a scanner placed in a layer).
    std::unordered_map<std::int64_t, std::unordered_map<std::string, int>> layerIndex;
    Statement packages(m_db,
                       "SELECT image_id, name, version, layer_diff_id FROM image_package "
                       "WHERE layer_diff_id <> '' ORDER BY image_id, name, version");
    while (packages.step()) {
        const auto it = byId.find(packages.integer(0));
        if (it == byId.end())
            continue;
        ImageLayers &image = images[it->second];
        auto &indexOf = layerIndex[image.id];
        if (indexOf.empty())
            for (std::size_t i = 0; i < image.layers.size(); ++i)
                indexOf.try_emplace(image.layers[i].diffId, int(i));
        const auto layer = indexOf.find(std::string(packages.text(3)));
        if (layer != indexOf.end())
            image.packages.push_back(
                {std::string(packages.text(1)), std::string(packages.text(2)), layer->second});
    }
    if (q.failed() || digests.failed() || refs.failed() || labels.failed() || layers.failed() ||
        history.failed() || overrides.failed() || packages.failed())
        return fail("cannot read layers: " + lastError(m_db));
    return images;
}

Result<std::optional<Advisory>> Workspace::advisory(const std::string &vulnId) const
{
    Statement v(m_db,
                "SELECT title, description, published, last_modified FROM vulnerability "
                "WHERE id = ?");
    v.bind(1, vulnId);
    if (!v.step()) {
        if (v.failed())
            return fail("cannot read the advisory of " + vulnId + ": " + lastError(m_db));
        return std::optional<Advisory>{};
    }
    Advisory a;
    a.id = vulnId;
    a.title = std::string(v.text(0));
    a.description = std::string(v.text(1));
    a.published = v.isNull(2) ? 0 : v.integer(2);
    a.lastModified = v.isNull(3) ? 0 : v.integer(3);
    const auto column = [&](const char *sql, std::vector<std::string> &out) {
        Statement q(m_db, sql);
        q.bind(1, vulnId);
        while (q.step())
            out.emplace_back(q.text(0));
        return !q.failed();
    };
    if (!column("SELECT url FROM vuln_url WHERE vuln_id = ?", a.urls) ||
        !column("SELECT cwe FROM vuln_cwe WHERE vuln_id = ?", a.cwes) ||
        !column("SELECT alias FROM vuln_alias WHERE vuln_id = ?", a.aliases))
        return fail("cannot read the advisory of " + vulnId + ": " + lastError(m_db));

    // Scanners differ in stray whitespace around the same reference.
    for (std::string &url : a.urls) {
        const std::size_t first = url.find_first_not_of(" \t\r\n");
        const std::size_t last = url.find_last_not_of(" \t\r\n");
        url = first == std::string::npos ? std::string() : url.substr(first, last - first + 1);
    }
    std::erase(a.urls, std::string());
    std::sort(a.urls.begin(), a.urls.end());
    a.urls.erase(std::unique(a.urls.begin(), a.urls.end()), a.urls.end());
    // CWE-20 before CWE-119; other words (NVD-CWE-Other) after the numbered ones.
    const auto cweKey = [](const std::string &cwe) {
        long number = -1;
        if (cwe.size() > 4 && cwe.compare(0, 4, "CWE-") == 0 &&
            cwe.find_first_not_of("0123456789", 4) == std::string::npos && cwe.size() < 14)
            number = std::stol(cwe.substr(4));
        return std::make_pair(number < 0, number);
    };
    std::sort(a.cwes.begin(), a.cwes.end(), [&](const std::string &l, const std::string &r) {
        const auto kl = cweKey(l), kr = cweKey(r);
        return kl != kr ? kl < kr : l < r;
    });
    std::erase(a.aliases, vulnId);
    std::sort(a.aliases.begin(), a.aliases.end());
    return std::optional<Advisory>(std::move(a));
}

Result<std::vector<FindingRow>> Workspace::findings(int limit) const
{
    return findingRows(limit, nullptr);
}

Result<std::vector<FindingRow>> Workspace::findings(const std::vector<std::int64_t> &ids) const
{
    return findingRows(-1, &ids);
}

Result<std::vector<FindingRow>> Workspace::findingRows(int limit,
                                                       const std::vector<std::int64_t> *ids) const
{
    std::vector<FindingRow> rows;
    // A selection of findings goes through a temporary table that every query below
    // joins, so that printing 20 findings of a million reads 20 rows, not a million.
    if (ids) {
        if (sqlite3_exec(m_db,
                         "CREATE TEMP TABLE IF NOT EXISTS finding_pick(id INTEGER PRIMARY KEY); "
                         "DELETE FROM temp.finding_pick;",
                         nullptr,
                         nullptr,
                         nullptr) != SQLITE_OK)
            return fail("cannot select findings: " + lastError(m_db));
        Statement pick(m_db, "INSERT OR IGNORE INTO temp.finding_pick(id) VALUES (?)");
        for (std::int64_t id : *ids)
            if (!pick.bind(1, id).exec())
                return fail("cannot select findings: " + lastError(m_db));
    }
    const std::string where = ids ? "WHERE f.id IN (SELECT id FROM temp.finding_pick) " : "";
    const std::string scanWhere =
        ids ? "WHERE fs.finding_id IN (SELECT id FROM temp.finding_pick) " : "";
    Statement q(
        m_db,
        "SELECT f.id, f.vuln_id, i.name, i.config_digest, f.pkg_name, f.pkg_version, f.pkg_type, "
        "f.purl, "
        "f.pkg_path, f.fix_state, f.fix_state_word, "
        "COALESCE(f.layer_diff_id, (SELECT l.diff_id FROM layer l WHERE l.image_id = f.image_id "
        "  AND l.idx = f.layer_idx)), "
        "COALESCE(f.layer_idx, (SELECT l.idx FROM layer l WHERE l.image_id = f.image_id "
        "  AND l.diff_id = f.layer_diff_id ORDER BY l.idx LIMIT 1)), "
        "f.first_seen, f.last_seen, f.resolved_at, f.suppressed, "
        "(f.known_exploited OR EXISTS (SELECT 1 FROM kev k WHERE k.cve = f.vuln_id) "
        " OR EXISTS (SELECT 1 FROM vuln_alias a JOIN kev k ON k.cve = a.alias WHERE a.vuln_id = "
        "f.vuln_id)), "
        "COALESCE((SELECT e.probability FROM epss e WHERE e.cve = f.vuln_id), "
        "         (SELECT MAX(e.probability) FROM vuln_alias a JOIN epss e ON e.cve = a.alias "
        "          WHERE a.vuln_id = f.vuln_id), f.epss), "
        "f.image_id, f.fixed_versions, COALESCE(v.title, ''), COALESCE(v.description, '') "
        "FROM finding f JOIN image i ON i.id = f.image_id "
        "LEFT JOIN vulnerability v ON v.id = f.vuln_id " +
            where + "ORDER BY i.name, f.vuln_id, f.pkg_name, f.pkg_version LIMIT ?");
    q.bind(1, std::int64_t(limit));
    std::unordered_map<std::int64_t, std::size_t> byId;
    std::map<std::string, std::vector<std::size_t>> byVuln;
    std::map<std::int64_t, std::vector<std::size_t>> byImage;
    while (q.step()) {
        FindingRow r;
        r.id = q.integer(0);
        r.vulnerability = std::string(q.text(1));
        r.image = std::string(q.text(2));
        r.imageDigest = std::string(q.text(3));
        r.package = std::string(q.text(4));
        r.installedVersion = std::string(q.text(5));
        r.packageType = std::string(q.text(6));
        r.purl = std::string(q.text(7));
        r.packagePath = std::string(q.text(8));
        r.fixState = std::string(q.text(9));
        r.fixStateWord = std::string(q.text(10));
        r.layerDiffId = std::string(q.text(11));
        r.layerIndex = q.isNull(12) ? -1 : int(q.integer(12));
        r.firstSeen = q.integer(13);
        r.lastSeen = q.integer(14);
        if (!q.isNull(15))
            r.resolvedAt = q.integer(15);
        r.suppressed = q.integer(16) != 0;
        r.kev = q.integer(17) != 0;
        if (!q.isNull(18))
            r.epss = q.real(18);
        for (std::string_view rest = q.text(20); !rest.empty();) {
            const std::size_t nl = rest.find('\n');
            r.fixedVersions.emplace_back(rest.substr(0, nl));
            rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
        }
        r.title = std::string(q.text(21));
        r.description = std::string(q.text(22));
        byId[r.id] = rows.size();
        byVuln[r.vulnerability].push_back(rows.size());
        byImage[q.integer(19)].push_back(rows.size());
        rows.push_back(std::move(r));
    }
    if (q.failed())
        return fail("cannot read findings: " + lastError(m_db));

    // Child tables in one pass each, grouped in memory.
    // With a selection, only the selected findings' vulnerabilities (through the primary
    // keys) instead of whole tables.
    const std::string vulnWhere =
        ids ? "WHERE vuln_id IN (SELECT f.vuln_id FROM finding f WHERE f.id IN "
              "(SELECT id FROM temp.finding_pick)) "
            : "";
    Statement aliases(
        m_db, "SELECT vuln_id, alias FROM vuln_alias " + vulnWhere + "ORDER BY vuln_id, alias");
    while (aliases.step())
        if (auto it = byVuln.find(std::string(aliases.text(0))); it != byVuln.end())
            for (std::size_t i : it->second)
                rows[i].aliases.emplace_back(aliases.text(1));
    Statement cvss(m_db,
                   "SELECT vuln_id, source, version, vector, base_tenths FROM cvss " + vulnWhere +
                       "ORDER BY vuln_id, version DESC, source");
    while (cvss.step())
        if (auto it = byVuln.find(std::string(cvss.text(0))); it != byVuln.end())
            for (std::size_t i : it->second)
                rows[i].cvss.push_back({std::string(cvss.text(1)),
                                        std::string(cvss.text(2)),
                                        std::string(cvss.text(3)),
                                        cvss.isNull(4) ? -1 : int(cvss.integer(4))});
    Statement vulnSeverities(m_db,
                             "SELECT vuln_id, source, severity FROM vuln_severity " + vulnWhere +
                                 "ORDER BY vuln_id, source");
    while (vulnSeverities.step())
        if (auto it = byVuln.find(std::string(vulnSeverities.text(0))); it != byVuln.end())
            for (std::size_t i : it->second)
                rows[i].severities.emplace_back(vulnSeverities.text(1), vulnSeverities.text(2));
    // Running containers per image, counted once per image (not per finding).
    Statement running(m_db,
                      "SELECT ci.image_id, COUNT(*), SUM(ci.probable) FROM container_image ci "
                      "JOIN running_container c ON c.id = ci.container_id GROUP BY ci.image_id");
    while (running.step())
        if (auto it = byImage.find(running.integer(0)); it != byImage.end())
            for (std::size_t i : it->second) {
                rows[i].runningContainers = int(running.integer(1));
                rows[i].probableContainers = int(running.integer(2));
            }
    Statement digests(
        m_db, "SELECT image_id, repo_digest FROM image_repo_digest ORDER BY image_id, repo_digest");
    while (digests.step())
        if (auto it = byImage.find(digests.integer(0)); it != byImage.end())
            for (std::size_t i : it->second)
                rows[i].repoDigests.emplace_back(digests.text(1));
    // Each scanner's own pick from its latest scan, and which scanners reported the finding.
    Statement scanners(m_db,
                       "SELECT fs.finding_id, s.scanner, fs.severity FROM finding_scan fs "
                       "JOIN scan s ON s.id = fs.scan_id " +
                           scanWhere + "ORDER BY fs.finding_id, s.taken_at, s.id");
    while (scanners.step()) {
        auto it = byId.find(scanners.integer(0));
        if (it == byId.end())
            continue;
        FindingRow &row = rows[it->second];
        const std::string scanner(scanners.text(1));
        if (std::find(row.scanners.begin(), row.scanners.end(), scanner) == row.scanners.end())
            row.scanners.push_back(scanner);
        if (scanners.isNull(2))
            continue;
        const std::string severity(scanners.text(2));
        auto existing = std::find_if(row.severities.begin(),
                                     row.severities.end(),
                                     [&](const auto &p) { return p.first == scanner; });
        if (existing != row.severities.end())
            existing->second = severity; // a later scan overrides
        else
            row.severities.emplace_back(scanner, severity);
    }
    for (FindingRow &row : rows) {
        std::sort(row.scanners.begin(), row.scanners.end());
        std::sort(row.severities.begin(), row.severities.end());
    }
    return rows;
}

} // namespace patchwise::store
