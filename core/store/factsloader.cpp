// SPDX-License-Identifier: GPL-3.0-or-later
// Workspace::loadFacts(): the database → in-memory fact table projection the risk engine
// scores. Runtime context (what runs where, how exposed) is derived here, once per load.
#include "cvss/cvssscore.h"
#include "decisions.h"
#include "model/imageref.h"
#include "sqlite.h"
#include "workspace.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <sqlite3.h>
#include <unordered_map>
#include <xxhash.h>

namespace patchwise::store {

namespace {

std::vector<std::string_view> lines(std::string_view text)
{
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        if (nl != 0)
            out.push_back(text.substr(0, nl));
        if (nl == std::string_view::npos)
            break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

// "docker.io/library/nginx:1.25" → "docker.io/library/nginx".
// The image's configured user decides when the container sets none: "" and root are root;
// unknown when no report carried the image config.
risk::Tri rootFromImageUser(const std::optional<std::string> &user)
{
    if (!user)
        return risk::Tri::Unknown;
    const std::string_view name = std::string_view(*user).substr(0, user->find(':'));
    if (name.empty() || name == "root" || name == "0")
        return risk::Tri::Yes;
    return risk::Tri::No;
}

void addUnique(std::vector<std::string> &list, std::string value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

// A string-keyed map that can be searched with a string_view (no allocation per look-up).
struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringMap = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

// The hot maps of the findings loop (a million look-ups per load): open addressing with
// linear probing, XXH3 hashes, keys copied into chunks that never move. Grows at 1/2 load.
class FlatStringMap
{
public:
    FlatStringMap() { m_slots.resize(1024); }

    // The value stored for `key`, or `value` stored now; second = true when inserted.
    std::pair<std::uint32_t, bool> tryEmplace(std::string_view key, std::uint32_t value)
    {
        const std::uint64_t h = XXH3_64bits(key.data(), key.size());
        std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
            Slot &slot = m_slots[i];
            if (!slot.used) {
                slot = {h, store(key), value, true};
                if (++m_size * 2 > m_slots.size())
                    grow();
                return {value, true};
            }
            if (slot.hash == h && slot.key == key)
                return {slot.value, false};
        }
    }

    std::optional<std::uint32_t> find(std::string_view key) const
    {
        const std::uint64_t h = XXH3_64bits(key.data(), key.size());
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = std::size_t(h) & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (!slot.used)
                return std::nullopt;
            if (slot.hash == h && slot.key == key)
                return slot.value;
        }
    }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::string_view key;
        std::uint32_t value = 0;
        bool used = false;
    };

    std::string_view store(std::string_view key)
    {
        if (m_chunks.empty() || m_chunks.back().capacity() - m_chunks.back().size() < key.size()) {
            m_chunks.emplace_back();
            m_chunks.back().reserve(std::max<std::size_t>(key.size(), 1 << 20));
        }
        std::string &chunk = m_chunks.back();
        const std::size_t at = chunk.size();
        chunk.append(key); // within capacity: the chunk's buffer does not move
        return std::string_view(chunk).substr(at, key.size());
    }

    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot &slot : old)
            if (slot.used)
                for (std::size_t i = std::size_t(slot.hash) & mask;; i = (i + 1) & mask)
                    if (!m_slots[i].used) {
                        m_slots[i] = slot;
                        break;
                    }
    }

    std::vector<Slot> m_slots;
    std::deque<std::string> m_chunks;
    std::size_t m_size = 0;
};

} // namespace

Result<risk::Facts> Workspace::loadFacts(std::int64_t now) const
{
    risk::Facts facts;
    facts.now = now;
    // Reading the whole workspace: memory-mapped pages save a read() copy per page
    // (500k findings: 1.75 s -> 1.25 s). The setting stays on this connection; it only
    // changes how SQLite reads pages.
    sqlite3_exec(m_db, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
    const auto failed = [this](const char *what) {
        return Unexpected(std::string("cannot load ") + what + ": " + sqlite3_errmsg(m_db));
    };

    // Images.
    std::unordered_map<std::int64_t, std::uint32_t> imageIndex;
    std::vector<bool> packageList;
    std::vector<std::optional<std::string>> imageUser;
    {
        Statement q(m_db,
                    "SELECT id, name, COALESCE(config_digest, ''), COALESCE(os_family, ''), "
                    "user, package_list FROM image ORDER BY id");
        while (q.step()) {
            risk::ImageFacts image;
            image.id = q.integer(0);
            image.name = std::string(q.text(1));
            image.digest = std::string(q.text(2));
            if (const std::string vendor = risk::vendorSourceOf(q.text(3)); !vendor.empty())
                image.vendorSource = facts.sourceIndex(vendor);
            imageUser.push_back(q.isNull(4) ? std::nullopt : std::optional<std::string>(q.text(4)));
            packageList.push_back(q.integer(5) != 0);
            imageIndex.emplace(image.id, std::uint32_t(facts.images.size()));
            facts.images.push_back(std::move(image));
        }
        if (q.failed())
            return failed("images");
        Statement refs(m_db, "SELECT image_id, ref FROM image_ref ORDER BY image_id, ref");
        while (refs.step())
            if (auto it = imageIndex.find(refs.integer(0)); it != imageIndex.end())
                addUnique(facts.images[it->second].repositories,
                          model::repositoryOfRef(refs.text(1)));
        Statement shells(m_db,
                         "SELECT DISTINCT image_id, lower(name) FROM image_package WHERE "
                         "lower(name) IN ('bash', 'dash', 'busybox', 'ash', 'zsh', 'ksh', "
                         "'mksh', 'tcsh', 'csh', 'fish', 'busybox-binsh', 'bash-static', "
                         "'yash', 'toybox')");
        while (shells.step())
            if (auto it = imageIndex.find(shells.integer(0)); it != imageIndex.end())
                facts.images[it->second].shell = risk::Tri::Yes;
        if (refs.failed() || shells.failed())
            return failed("image details");
        for (std::size_t i = 0; i < facts.images.size(); ++i)
            if (packageList[i] && facts.images[i].shell == risk::Tri::Unknown)
                facts.images[i].shell = risk::Tri::No;
    }

    // Routes: why a container is reachable from outside the cluster.
    std::unordered_map<std::int64_t, std::vector<std::string>> routeReasons;
    {
        Statement q(m_db,
                    "SELECT cr.container_id, s.namespace, s.name, s.type, "
                    "COALESCE(s.external_addresses, ''), cr.ingress_id, COALESCE(g.name, ''), "
                    "COALESCE(g.hosts, ''), COALESCE(g.addresses, '') "
                    "FROM container_route cr JOIN current_service s ON s.id = cr.service_id "
                    "LEFT JOIN current_ingress g ON g.id = cr.ingress_id "
                    "WHERE cr.ingress_id = 0 OR g.id IS NOT NULL");
        while (q.step()) {
            const std::string service = std::string(q.text(1)) + "/" + std::string(q.text(2));
            const std::string_view type = q.text(3);
            const auto addresses = lines(q.text(4));
            std::string joined;
            for (std::string_view a : addresses)
                joined += (joined.empty() ? "" : ", ") + std::string(a);
            auto &reasons = routeReasons[q.integer(0)];
            if (q.integer(5) != 0) {
                std::string hosts;
                for (std::string_view h : lines(q.text(7)))
                    hosts += (hosts.empty() ? "" : ", ") + std::string(h);
                addUnique(reasons,
                          "Ingress " + std::string(q.text(1)) + "/" + std::string(q.text(6)) +
                              " routes to Service " + service +
                              (hosts.empty() ? std::string() : " (" + hosts + ")"));
            } else if (type == "LoadBalancer" && !addresses.empty()) {
                addUnique(reasons, "Service " + service + " is a LoadBalancer (" + joined + ")");
            } else if (type == "NodePort") {
                addUnique(reasons, "Service " + service + " is a NodePort");
            } else if (!addresses.empty()) {
                addUnique(reasons, "Service " + service + " has external IPs (" + joined + ")");
            }
        }
        if (q.failed())
            return failed("service routes");
    }

    // Running containers (the current inventory only) and their security context.
    {
        Statement q(m_db,
                    "SELECT ci.image_id, ci.probable, c.id, c.platform, c.namespace, c.pod, "
                    "c.name, c.privileged, c.host_network, c.host_pid, c.run_as_user, "
                    "c.run_as_non_root, c.started_at, COALESCE(c.host_ports, '') "
                    "FROM container_image ci JOIN running_container c ON c.id = ci.container_id "
                    "ORDER BY ci.image_id, c.id");
        while (q.step()) {
            const auto it = imageIndex.find(q.integer(0));
            if (it == imageIndex.end())
                continue;
            risk::ImageFacts &image = facts.images[it->second];
            ++image.runningContainers;
            if (q.integer(1) != 0)
                ++image.probableContainers;
            const std::string where = q.text(3) == "kubernetes"
                                          ? std::string(q.text(4)) + "/" + std::string(q.text(5)) +
                                                "/" + std::string(q.text(6))
                                          : std::string(q.text(6));
            if (q.text(3) == "kubernetes" && !q.text(4).empty())
                addUnique(image.namespaces, std::string(q.text(4)));
            else
                image.runsOutsideNamespaces = true;
            image.privileged = image.privileged || q.integer(7) != 0;
            image.hostNamespace = image.hostNamespace || q.integer(8) != 0 || q.integer(9) != 0;
            risk::Tri root = q.isNull(10)
                                 ? (q.integer(11) != 0 ? risk::Tri::No
                                                       : rootFromImageUser(imageUser[it->second]))
                             : q.integer(10) == 0 ? risk::Tri::Yes
                                                  : risk::Tri::No;
            if (root == risk::Tri::Yes || image.runsAsRoot == risk::Tri::Unknown)
                image.runsAsRoot = image.runsAsRoot == risk::Tri::Yes ? risk::Tri::Yes : root;
            if (const std::int64_t started = q.integer(12);
                started > 0 && (image.runningSince == 0 || started < image.runningSince))
                image.runningSince = started;
            for (std::string_view binding : lines(q.text(13)))
                if (risk::isPublicHostPort(binding)) {
                    image.internetExposed = true;
                    addUnique(image.exposureReasons,
                              "container " + where + " publishes " + std::string(binding));
                }
            if (auto r = routeReasons.find(q.integer(2)); r != routeReasons.end())
                for (const std::string &reason : r->second) {
                    image.internetExposed = true;
                    addUnique(image.exposureReasons, reason);
                }
        }
        if (q.failed())
            return failed("running containers");
        for (std::size_t i = 0; i < facts.images.size(); ++i) {
            risk::ImageFacts &image = facts.images[i];
            std::sort(image.namespaces.begin(), image.namespaces.end());
            // Not running: what a container would run as without a security context.
            if (image.runningContainers == 0)
                image.runsAsRoot = rootFromImageUser(imageUser[i]);
        }
    }

    // Vulnerabilities and what the sources say about them.
    FlatStringMap vulnIndex;
    {
        Statement q(m_db,
                    "SELECT v.id, COALESCE(v.published, 0) FROM vulnerability v ORDER BY v.id");
        while (q.step()) {
            risk::VulnFacts v;
            v.id = std::string(q.text(0));
            v.published = q.integer(1);
            vulnIndex.tryEmplace(v.id, std::uint32_t(facts.vulns.size()));
            facts.vulns.push_back(std::move(v));
        }
        if (q.failed())
            return failed("vulnerabilities");
        const auto vulnOf = [&](std::string_view id) -> risk::VulnFacts * {
            const auto index = vulnIndex.find(id);
            return index ? &facts.vulns[*index] : nullptr;
        };
        Statement severities(m_db, "SELECT vuln_id, source, severity FROM vuln_severity");
        while (severities.step())
            if (risk::VulnFacts *v = vulnOf(severities.text(0))) {
                const std::uint16_t source =
                    facts.sourceIndex(risk::normalizedSource(severities.text(1)));
                const model::Severity severity = model::severityFromWord(severities.text(2));
                auto existing = std::find_if(v->ratings.begin(), v->ratings.end(), [&](auto &r) {
                    return r.source == source;
                });
                if (existing == v->ratings.end())
                    v->ratings.push_back({source, severity});
                else if (severity > existing->severity)
                    existing->severity = severity; // two spellings of one source: the higher
            }
        Statement cvssRows(m_db,
                           "SELECT vuln_id, source, vector FROM cvss ORDER BY vuln_id, source, "
                           "version DESC, vector");
        while (cvssRows.step())
            if (risk::VulnFacts *v = vulnOf(cvssRows.text(0))) {
                auto vector = cvss::Vector::parse(cvssRows.text(2));
                if (!vector)
                    continue; // stored for the record; an invalid vector cannot be scored
                const std::uint16_t source =
                    facts.sourceIndex(risk::normalizedSource(cvssRows.text(1)));
                const bool duplicate = std::any_of(v->cvss.begin(), v->cvss.end(), [&](auto &c) {
                    return c.source == source && c.vector == *vector;
                });
                if (!duplicate)
                    v->cvss.push_back({source,
                                       *vector,
                                       cvss::score(*vector).base,
                                       facts.intern(cvssRows.text(2))});
            }
        Statement kev(m_db,
                      "SELECT k.cve, k.ransomware, COALESCE(k.due_date, 0) FROM kev k "
                      "UNION ALL SELECT a.vuln_id, k.ransomware, COALESCE(k.due_date, 0) "
                      "FROM vuln_alias a JOIN kev k ON k.cve = a.alias");
        while (kev.step())
            if (risk::VulnFacts *v = vulnOf(kev.text(0))) {
                v->kev = true;
                v->ransomware = v->ransomware || kev.integer(1) != 0;
                if (kev.integer(2) > 0 && (v->kevDueDate == 0 || kev.integer(2) < v->kevDueDate))
                    v->kevDueDate = kev.integer(2);
            }
        Statement epss(m_db,
                       "SELECT e.cve, e.probability, 0 FROM epss e JOIN vulnerability v ON v.id = "
                       "e.cve UNION ALL SELECT a.vuln_id, e.probability, 1 FROM vuln_alias a "
                       "JOIN epss e ON e.cve = a.alias ORDER BY 3 DESC");
        // Aliases first, then the vulnerability's own id: its own EPSS wins.
        while (epss.step())
            if (risk::VulnFacts *v = vulnOf(epss.text(0))) {
                const float p = float(epss.real(1));
                v->epss = epss.integer(2) == 0 ? p : std::max(v->epss, p);
            }
        if (severities.failed() || cvssRows.failed() || kev.failed() || epss.failed())
            return failed("vulnerability details");
    }

    // Findings.
    {
        FlatStringMap pool;
        const auto intern = [&](std::string_view text) -> std::uint32_t {
            if (text.empty())
                return 0;
            const auto [id, added] = pool.tryEmplace(text, std::uint32_t(facts.strings.size()));
            if (added)
                facts.intern(text);
            return id;
        };
        // Distinct contexts by key; far fewer than findings, and looked up once per finding.
        std::unordered_map<std::uint64_t, std::uint32_t> contexts;
        std::uint64_t lastKey = ~std::uint64_t(0);
        std::uint32_t lastContext = 0;
        // Every column sized once up front: a million push_backs would otherwise reallocate
        // (and fault in fresh pages for) each column a dozen times.
        {
            Statement count(m_db, "SELECT count(*) FROM finding");
            if (count.step()) {
                const auto n = std::size_t(std::max<std::int64_t>(0, count.integer(0)));
                facts.findingId.reserve(n);
                facts.image.reserve(n);
                facts.vuln.reserve(n);
                facts.context.reserve(n);
                facts.package.reserve(n);
                facts.version.reserve(n);
                facts.packageType.reserve(n);
                facts.fixedVersions.reserve(n);
                facts.layerIndex.reserve(n);
                facts.fixState.reserve(n);
                facts.flags.reserve(n);
                facts.firstSeen.reserve(n);
                facts.resolvedAt.reserve(n);
            }
        }
        const std::uint16_t ghsa = facts.sourceIndex("ghsa");
        const std::uint16_t bitnami = facts.sourceIndex("bitnami");
        Statement q(m_db,
                    "SELECT f.id, f.image_id, f.vuln_id, f.pkg_name, f.pkg_version, "
                    "COALESCE(f.pkg_type, ''), COALESCE(f.fixed_versions, ''), f.fix_state, "
                    "f.suppressed, COALESCE(f.first_seen, 0), COALESCE(f.resolved_at, 0), "
                    "f.known_exploited, f.epss, "
                    "COALESCE(f.layer_idx, (SELECT l.idx FROM layer l WHERE l.image_id = "
                    "f.image_id AND l.diff_id = f.layer_diff_id ORDER BY l.idx LIMIT 1), -1) "
                    "FROM finding f ORDER BY f.id");
        // Each scanner pick in scan order, merged with the findings by id: the last one
        // for a finding is its latest scan's pick.
        Statement picks(m_db,
                        "SELECT fs.finding_id, fs.severity, s.scanner FROM finding_scan fs "
                        "JOIN scan s ON s.id = fs.scan_id WHERE fs.severity IS NOT NULL "
                        "ORDER BY fs.finding_id, s.taken_at, s.id");
        bool morePicks = picks.step();
        const auto latestPick = [&](std::int64_t findingId) {
            std::pair<model::Severity, std::uint16_t> pick{model::Severity::Unknown, 0};
            while (morePicks && picks.integer(0) < findingId)
                morePicks = picks.step();
            while (morePicks && picks.integer(0) == findingId) {
                pick = {model::severityFromWord(picks.text(1)),
                        facts.sourceIndex(risk::normalizedSource(picks.text(2)))};
                morePicks = picks.step();
            }
            return pick;
        };
        std::string fixed;
        while (q.step()) {
            const auto image = imageIndex.find(q.integer(1));
            const auto vulnIndexOf = vulnIndex.find(q.text(2));
            if (image == imageIndex.end() || !vulnIndexOf)
                continue;
            const std::uint32_t vuln = *vulnIndexOf;
            risk::VulnFacts &v = facts.vulns[vuln];
            facts.findingId.push_back(q.integer(0));
            facts.image.push_back(image->second);
            facts.vuln.push_back(vuln);
            facts.package.push_back(intern(q.text(3)));
            facts.version.push_back(intern(q.text(4)));
            facts.packageType.push_back(intern(q.text(5)));
            fixed.assign(q.text(6));
            std::replace(fixed.begin(), fixed.end(), '\n', ' ');
            facts.fixedVersions.push_back(intern(fixed));
            const model::FixState state = model::fixStateFromKey(q.text(7));
            facts.fixState.push_back(std::uint8_t(state));
            const bool language = risk::isLanguagePackage(q.text(5));
            std::uint8_t flags = 0;
            if (!fixed.empty() || state == model::FixState::FixAvailable)
                flags |= risk::Fixable;
            if (q.integer(8) != 0)
                flags |= risk::Suppressed;
            if (q.integer(10) != 0)
                flags |= risk::Resolved;
            if (language)
                flags |= risk::LanguagePackage;
            facts.flags.push_back(flags);
            facts.firstSeen.push_back(q.integer(9));
            facts.resolvedAt.push_back(q.integer(10));
            facts.layerIndex.push_back(
                std::int16_t(std::clamp<std::int64_t>(q.integer(13), -1, 32767)));
            if (q.integer(11) != 0)
                v.kev = true;
            if (!q.isNull(12) && v.epss < 0)
                v.epss = float(q.real(12));
            if (risk::isShellPackage(q.text(3)))
                facts.images[image->second].shell = risk::Tri::Yes;

            const std::uint16_t vendor = !language ? facts.images[image->second].vendorSource
                                         : q.text(5) == "bitnami" ? bitnami
                                                                  : ghsa;
            const auto [pick, scanner] = latestPick(q.integer(0));
            // vuln 32 bits, vendor 16, scanner 12, pick 4.
            const std::uint64_t key = (std::uint64_t(vuln) << 32) | (std::uint64_t(vendor) << 16) |
                                      (std::uint64_t(scanner & 0xFFF) << 4) | std::uint64_t(pick);
            if (key != lastKey) { // a vulnerability's findings often come in a row
                auto [ctx, inserted] =
                    contexts.try_emplace(key, std::uint32_t(facts.contexts.size()));
                if (inserted)
                    facts.contexts.push_back({vuln, vendor, pick, scanner});
                lastKey = key;
                lastContext = ctx->second;
            }
            facts.context.push_back(lastContext);
        }
        if (q.failed() || picks.failed())
            return failed("findings");
    }

    // The analysts' decisions: the most specific scope covering a finding (its image, then
    // its repository, then the fleet) decides it. States that leave the ranking suppress the
    // finding, except an accepted risk past its expiry, which is open again (and marked).
    {
        const auto decided = decisions();
        if (!decided)
            return Unexpected(decided.error());
        const DecisionMatcher matcher(*decided, facts);
        if (!matcher.empty()) {
            facts.triage.assign(facts.size(), 0);
            for (std::uint32_t f = 0; f < facts.size(); ++f) {
                const int d = matcher.decisionOf(f);
                if (d < 0)
                    continue;
                const Decision &decision = (*decided)[std::size_t(d)];
                const bool expired = decision.state == model::TriageState::RiskAccepted &&
                                     decision.expires > 0 && decision.expires <= now;
                facts.triage[f] =
                    std::uint8_t(decision.state) | (expired ? risk::TriageExpired : 0);
                if (!expired && model::leavesRanking(decision.state))
                    facts.flags[f] |= risk::Suppressed;
            }
        }
    }
    return facts;
}

} // namespace patchwise::store
