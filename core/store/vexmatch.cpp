// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/vexmatch.h"

#include "model/imageref.h"
#include "model/purl.h"
#include "risk/facts.h"
#include "store/decisions.h"
#include "util/jsonescape.h"
#include "util/timestamp.h"

#include <QUuid>
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace patchwise::store {

namespace {

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return out;
}

std::string joinList(const std::vector<std::string> &items, std::size_t cap = 6)
{
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < cap; ++i) {
        if (i > 0)
            out += ", ";
        out += items[i];
    }
    if (items.size() > cap)
        out += " and " + std::to_string(items.size() - cap) + " more";
    return out;
}

// The workspace seen from VEX: findings by vulnerability, images by digest and tag.
class Index
{
public:
    Index(const risk::Facts &facts, const std::vector<ImageLayers> &images)
        : facts(facts)
    {
        for (std::uint32_t v = 0; v < facts.vulns.size(); ++v)
            m_vulnByUpperId.emplace(upper(facts.vulns[v].id), v);
        m_findingsOfVuln.resize(facts.vulns.size());
        for (std::uint32_t f = 0; f < facts.size(); ++f)
            m_findingsOfVuln[facts.vuln[f]].push_back(f);
        std::unordered_map<std::int64_t, const ImageLayers *> layersById;
        for (const ImageLayers &image : images)
            layersById.emplace(image.id, &image);
        m_layers.resize(facts.images.size(), nullptr);
        for (std::uint32_t i = 0; i < facts.images.size(); ++i)
            if (const auto it = layersById.find(facts.images[i].id); it != layersById.end())
                m_layers[i] = it->second;
    }

    // The workspace's vulnerabilities a statement names (its id and aliases).
    std::vector<std::uint32_t> vulnsOf(const ingest::VexStatement &statement) const
    {
        std::vector<std::uint32_t> out;
        const auto add = [&](std::string_view id) {
            const auto it = m_vulnByUpperId.find(upper(id));
            if (it != m_vulnByUpperId.end() &&
                std::find(out.begin(), out.end(), it->second) == out.end())
                out.push_back(it->second);
        };
        add(statement.vulnerability);
        for (const std::string &alias : statement.aliases)
            add(alias);
        return out;
    }
    const std::vector<std::uint32_t> &findingsOf(std::uint32_t vuln) const
    {
        return m_findingsOfVuln[vuln];
    }

    // Images an OCI purl names: by digest (config or repo digest), else by tag, else by
    // repository. `how` says which, for messages.
    std::vector<std::uint32_t> imagesOf(const model::Purl &purl, std::string &how) const
    {
        std::vector<std::uint32_t> out;
        const std::string repository = ociRepository(purl);
        const std::string tag = purl.qualifier("tag");
        if (!purl.version.empty()) {
            how = "digest " + purl.version;
            for (std::uint32_t i = 0; i < facts.images.size(); ++i) {
                bool match = facts.images[i].digest == purl.version;
                if (!match && m_layers[i])
                    for (const std::string &repoDigest : m_layers[i]->repoDigests)
                        match = match || repoDigest.ends_with("@" + purl.version);
                if (match)
                    out.push_back(i);
            }
        } else if (!tag.empty()) {
            const std::string ref = repository + ":" + tag;
            how = "tag " + ref;
            for (std::uint32_t i = 0; i < facts.images.size(); ++i) {
                bool match = model::normalizedImageRef(facts.images[i].name) == ref;
                if (!match && m_layers[i])
                    match = std::find(m_layers[i]->refs.begin(), m_layers[i]->refs.end(), ref) !=
                            m_layers[i]->refs.end();
                if (match)
                    out.push_back(i);
            }
        } else {
            how = "repository " + repository;
            for (std::uint32_t i = 0; i < facts.images.size(); ++i) {
                const risk::ImageFacts &image = facts.images[i];
                if (model::imageRepository(image.name) == repository ||
                    std::find(image.repositories.begin(), image.repositories.end(), repository) !=
                        image.repositories.end())
                    out.push_back(i);
            }
        }
        return out;
    }

    // The normalised repository of an OCI purl: repository_url, else its name.
    static std::string ociRepository(const model::Purl &purl)
    {
        const std::string url = purl.qualifier("repository_url");
        return model::imageRepository(url.empty() ? purl.name : url);
    }

    const risk::Facts &facts;

private:
    std::unordered_map<std::string, std::uint32_t> m_vulnByUpperId;
    std::vector<std::vector<std::uint32_t>> m_findingsOfVuln;
    std::vector<const ImageLayers *> m_layers;
};

// A package named by purl: the names scanners give it, and the version it pins ("" = any).
struct PackageRef
{
    std::string purl;
    std::vector<std::string> names;
    std::string version;
};

class StatementMatcher
{
public:
    StatementMatcher(const Index &index,
                     const ingest::VexDocument &document,
                     const ingest::VexStatement &statement,
                     const VexMatchOptions &options)
        : m_index(index)
        , m_statement(statement)
        , m_vulns(index.vulnsOf(statement))
    {
        m_pattern.state = statement.state;
        m_pattern.justification = statement.justification;
        for (const std::string *text : {&statement.impact, &statement.notes, &statement.action})
            if (m_pattern.reason.empty() && !text->empty())
                m_pattern.reason = *text;
        if (m_pattern.reason.empty())
            m_pattern.reason = "VEX: " + statement.status;
        m_pattern.note =
            "VEX " + (document.id.empty() ? options.source : document.id) + " " + statement.where;
        m_pattern.owner = document.author.empty() ? options.owner : document.author;
    }

    VexMatch run()
    {
        VexMatch out;
        if (m_statement.patchwise) {
            patchwiseDecision(out);
            return out;
        }
        if (m_statement.products.empty())
            out.problems.push_back("the statement names no product");
        for (const ingest::VexProduct &product : m_statement.products) {
            const auto purl = model::parsePurl(product.id);
            if (!purl) {
                out.problems.push_back("product \"" + product.id +
                                       "\" is not a package URL (purl); Patchwise matches "
                                       "products by purl");
                continue;
            }
            if (purl->type == "oci")
                imageProduct(*purl, product, out);
            else
                packageProduct(*purl, out);
        }
        return out;
    }

private:
    std::string vulnText() const
    {
        std::string text = m_statement.vulnerability;
        if (!m_statement.aliases.empty())
            text += " (or " + joinList(m_statement.aliases) + ")";
        return text;
    }

    static PackageRef packageRef(const model::Purl &purl, const std::string &text)
    {
        return {text, model::purlPackageNames(purl), purl.version};
    }

    bool nameMatches(const PackageRef &ref, std::uint32_t f) const
    {
        const std::string &name = m_index.facts.strings[m_index.facts.package[f]];
        return std::find(ref.names.begin(), ref.names.end(), name) != ref.names.end();
    }

    // The findings of the statement's vulnerabilities, in `images` (all when null).
    std::vector<std::uint32_t> candidates(const std::vector<std::uint32_t> *images) const
    {
        std::vector<std::uint32_t> out;
        for (std::uint32_t v : m_vulns)
            for (std::uint32_t f : m_index.findingsOf(v))
                if (!images ||
                    std::binary_search(images->begin(), images->end(), m_index.facts.image[f]))
                    out.push_back(f);
        return out;
    }

    // Why a package matched nothing among `found` (the statement's findings in scope).
    std::string packageProblem(const PackageRef &ref,
                               const std::vector<std::uint32_t> &found,
                               const std::string &where) const
    {
        if (found.empty())
            return vulnText() + " is not reported" + where;
        std::vector<std::string> versions;
        std::vector<std::string> packages;
        for (std::uint32_t f : found) {
            const std::string &name = m_index.facts.strings[m_index.facts.package[f]];
            const std::string &version = m_index.facts.strings[m_index.facts.version[f]];
            if (nameMatches(ref, f)) {
                if (std::find(versions.begin(), versions.end(), version) == versions.end())
                    versions.push_back(version);
            } else {
                const std::string label = name + " " + version;
                if (std::find(packages.begin(), packages.end(), label) == packages.end())
                    packages.push_back(label);
            }
        }
        if (!versions.empty())
            return ref.names.front() + " carries " + m_statement.vulnerability + " at version " +
                   joinList(versions) + where + "; the statement is about version " + ref.version +
                   " (" + ref.purl + ")";
        std::sort(packages.begin(), packages.end());
        return vulnText() + " is reported" + where + " in " + joinList(packages) + " — none is " +
               ref.purl + " (package name " + joinList(ref.names) + ")";
    }

    void addDecision(VexMatch &out,
                     model::DecisionScope scope,
                     const std::string &scopeKey,
                     const std::string &vulnerability,
                     const std::string &package,
                     const std::string &version)
    {
        for (const Decision &d : out.decisions)
            if (d.scope == scope && d.scopeKey == scopeKey && d.vulnerability == vulnerability &&
                d.package == package && d.version == version)
                return;
        Decision d = m_pattern;
        d.scope = scope;
        d.scopeKey = scopeKey;
        d.vulnerability = vulnerability;
        d.package = package;
        d.version = version;
        out.decisions.push_back(std::move(d));
    }

    // Decisions for the findings of `ref` among `found`; for none, the problem, and (when
    // `keyForNone` is set) a decision for the package as the purl names it, for later scans.
    void decidePackage(VexMatch &out,
                       const PackageRef &ref,
                       const std::vector<std::uint32_t> &found,
                       model::DecisionScope scope,
                       const std::function<std::string(std::uint32_t)> &keyOf,
                       const std::string &where,
                       const std::optional<std::string> &keyForNone)
    {
        bool any = false;
        const risk::Facts &facts = m_index.facts;
        for (std::uint32_t f : found) {
            if (!nameMatches(ref, f))
                continue;
            const std::string &version = facts.strings[facts.version[f]];
            if (!ref.version.empty() && version != ref.version)
                continue;
            any = true;
            addDecision(out,
                        scope,
                        keyOf(facts.image[f]),
                        facts.vulns[facts.vuln[f]].id,
                        facts.strings[facts.package[f]],
                        ref.version);
        }
        if (any)
            return;
        out.problems.push_back(packageProblem(ref, found, where));
        if (keyForNone)
            addDecision(
                out, scope, *keyForNone, m_statement.vulnerability, ref.names.front(), ref.version);
    }

    void packageProduct(const model::Purl &purl, VexMatch &out)
    {
        const PackageRef ref = packageRef(purl, purl.toString());
        decidePackage(
            out,
            ref,
            candidates(nullptr),
            model::DecisionScope::Fleet,
            [](std::uint32_t) { return std::string(); },
            " in the workspace",
            std::string());
    }

    void imageProduct(const model::Purl &purl, const ingest::VexProduct &product, VexMatch &out)
    {
        const risk::Facts &facts = m_index.facts;
        std::string how;
        std::vector<std::uint32_t> images = m_index.imagesOf(purl, how);
        std::sort(images.begin(), images.end());
        const bool byRepository = purl.version.empty() && purl.qualifier("tag").empty();
        const model::DecisionScope scope =
            byRepository ? model::DecisionScope::Repository : model::DecisionScope::Digest;
        const std::string repository = Index::ociRepository(purl);
        const auto keyOf = [&](std::uint32_t image) {
            return byRepository ? repository : decisionScopeKey(scope, facts.images[image]);
        };
        // Without a matching image, a repository or a (config) digest still keys a decision
        // that later imports will find; a tag does not.
        std::optional<std::string> keyForNone;
        if (byRepository)
            keyForNone = repository;
        else if (purl.version.starts_with("sha256:") && images.empty())
            keyForNone = purl.version;
        const std::string where = images.empty() ? std::string() : " in " + how;
        if (images.empty())
            out.problems.push_back("no image in the workspace has " + how + " (" + product.id +
                                   ")");
        if (product.subcomponents.empty()) {
            // The statement is about the whole image: every package with the vulnerability.
            const std::vector<std::uint32_t> found = candidates(&images);
            for (std::uint32_t f : found)
                addDecision(out,
                            scope,
                            keyOf(facts.image[f]),
                            facts.vulns[facts.vuln[f]].id,
                            facts.strings[facts.package[f]],
                            std::string());
            if (found.empty() && !images.empty())
                out.problems.push_back(vulnText() + " is not reported in " + how);
            if (images.empty())
                out.problems.push_back("the statement names no package of the image "
                                       "(subcomponents), so nothing can be kept for later scans");
            return;
        }
        const std::vector<std::uint32_t> found = candidates(&images);
        for (const std::string &component : product.subcomponents) {
            const auto sub = model::parsePurl(component);
            if (!sub) {
                out.problems.push_back("subcomponent \"" + component +
                                       "\" is not a package URL (purl)");
                continue;
            }
            if (images.empty()) {
                if (keyForNone)
                    addDecision(out,
                                scope,
                                *keyForNone,
                                m_statement.vulnerability,
                                model::purlPackageNames(*sub).front(),
                                sub->version);
                continue;
            }
            decidePackage(out, packageRef(*sub, component), found, scope, keyOf, where, keyForNone);
        }
    }

    void patchwiseDecision(VexMatch &out)
    {
        const ingest::VexPatchwiseDecision &p = *m_statement.patchwise;
        Decision d;
        d.scope = *model::decisionScopeFromName(p.scope);
        d.scopeKey = p.scopeKey;
        d.vulnerability = m_statement.vulnerability;
        d.package = p.package;
        d.version = p.version;
        d.state = *model::triageStateFromName(p.state);
        d.justification = p.justification;
        d.reason = p.reason;
        d.note = p.note;
        d.owner = p.owner;
        d.expires = p.expires;
        out.decisions.push_back(std::move(d));
    }

    const Index &m_index;
    const ingest::VexStatement &m_statement;
    std::vector<std::uint32_t> m_vulns;
    Decision m_pattern;
};

} // namespace

std::vector<VexMatch> matchVex(const ingest::VexDocument &document,
                               const risk::Facts &facts,
                               const std::vector<ImageLayers> &images,
                               const VexMatchOptions &options)
{
    const Index index(facts, images);
    std::vector<VexMatch> out;
    out.reserve(document.statements.size());
    for (std::size_t s = 0; s < document.statements.size(); ++s) {
        VexMatch match = StatementMatcher(index, document, document.statements[s], options).run();
        match.statement = s;
        // What the statement's decisions cover now (as if they were the only ones).
        const DecisionMatcher matcher(match.decisions, facts);
        if (!matcher.empty()) {
            std::set<std::uint32_t> vulns;
            for (const Decision &d : match.decisions)
                if (const auto it = std::find_if(
                        facts.vulns.begin(),
                        facts.vulns.end(),
                        [&](const risk::VulnFacts &v) { return v.id == d.vulnerability; });
                    it != facts.vulns.end())
                    vulns.insert(std::uint32_t(it - facts.vulns.begin()));
            for (std::uint32_t v : vulns)
                for (std::uint32_t f : index.findingsOf(v))
                    if (matcher.decisionOf(f) >= 0)
                        match.findings.push_back(f);
            std::sort(match.findings.begin(), match.findings.end());
        }
        if (match.findings.empty() && match.problems.empty() && !match.decisions.empty())
            match.problems.push_back(document.statements[s].vulnerability +
                                     " is not reported in what the decision covers");
        out.push_back(std::move(match));
    }
    return out;
}

namespace {

// OpenVEX's closest status for a decision, and the texts it requires.
struct OpenVexStatus
{
    std::string_view status;
    std::string justification;
    std::string impact, action, notes;
};

OpenVexStatus openVexStatus(const Decision &d)
{
    OpenVexStatus s;
    switch (d.state) {
    case model::TriageState::NotAffected:
        s.status = "not_affected";
        s.justification = std::string(model::openVexJustification(d.justification));
        s.impact = d.reason;
        break;
    case model::TriageState::FalsePositive:
        s.status = "not_affected";
        s.justification = "vulnerable_code_not_present";
        s.impact = "False positive: " + d.reason;
        break;
    case model::TriageState::Fixed:
        s.status = "fixed";
        s.notes = d.reason;
        break;
    case model::TriageState::Exploitable:
        s.status = "affected";
        s.action = d.reason;
        break;
    case model::TriageState::RiskAccepted:
        s.status = "affected";
        s.action =
            "Risk accepted" +
            (d.expires > 0 ? " until " + formatTimestamp(d.expires).substr(0, 10) : std::string()) +
            ": " + d.reason;
        break;
    case model::TriageState::InTriage:
    case model::TriageState::New:
        s.status = "under_investigation";
        s.notes = d.reason;
        break;
    }
    return s;
}

std::string
ociPurl(const std::string &repository, const std::string &digest, const std::string &tag)
{
    model::Purl purl;
    purl.type = "oci";
    const std::size_t slash = repository.rfind('/');
    purl.name = slash == std::string::npos ? repository : repository.substr(slash + 1);
    purl.version = digest;
    purl.qualifiers.emplace_back("repository_url", repository);
    if (!tag.empty())
        purl.qualifiers.emplace_back("tag", tag);
    return purl.toString();
}

} // namespace

std::string openVexDocument(const std::vector<Decision> &decisions,
                            const risk::Facts &facts,
                            const std::vector<PackagePurl> &purls,
                            const OpenVexOptions &options)
{
    // Package purls as scanners wrote them: exact per version, and versionless per name.
    std::map<std::string, std::string> exact, anyVersion;
    for (const PackagePurl &p : purls) {
        exact.emplace(p.package + '\x1f' + p.version, p.purl);
        if (auto parsed = model::parsePurl(p.purl)) {
            parsed->version.clear();
            parsed->qualifiers.clear();
            parsed->subpath.clear();
            anyVersion.emplace(p.package, parsed->toString());
        }
    }
    const auto packagePurl = [&](const Decision &d) {
        if (!d.version.empty())
            if (const auto it = exact.find(d.package + '\x1f' + d.version); it != exact.end())
                return it->second;
        if (const auto it = anyVersion.find(d.package); it != anyVersion.end()) {
            if (d.version.empty())
                return it->second;
            auto parsed = model::parsePurl(it->second);
            parsed->version = d.version;
            return parsed->toString();
        }
        model::Purl generic;
        generic.type = "generic";
        generic.name = d.package;
        generic.version = d.version;
        return generic.toString();
    };
    // Image names by identity, for the products of digest-scoped decisions.
    std::unordered_map<std::string, const risk::ImageFacts *> byIdentity;
    for (const risk::ImageFacts &image : facts.images)
        byIdentity.emplace(imageIdentity(image.digest, image.name), &image);

    std::string out = "{\n  \"@context\": \"https://openvex.dev/ns/v0.2.0\",\n  \"@id\": ";
    appendJsonString(out,
                     options.id.empty()
                         ? "urn:uuid:" +
                               QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString()
                         : options.id);
    out += ",\n  \"author\": ";
    appendJsonString(out, options.author.empty() ? std::string("Patchwise") : options.author);
    out += ",\n  \"timestamp\": ";
    appendJsonString(out, formatTimestamp(options.now));
    out += ",\n  \"version\": 1";
    if (!options.tooling.empty()) {
        out += ",\n  \"tooling\": ";
        appendJsonString(out, options.tooling);
    }
    out += ",\n  \"statements\": [";
    bool first = true;
    for (const Decision &d : decisions) {
        if (d.state == model::TriageState::New)
            continue;
        out += first ? "\n" : ",\n";
        first = false;
        const std::string package = packagePurl(d);
        std::string product;
        switch (d.scope) {
        case model::DecisionScope::Digest: {
            std::string repository, digest, tag;
            if (d.scopeKey.starts_with("name:")) {
                const std::string name = d.scopeKey.substr(5);
                const std::string ref = model::normalizedImageRef(name);
                repository = model::repositoryOfRef(ref);
                tag = ref.size() > repository.size() + 1 ? ref.substr(repository.size() + 1)
                                                         : std::string();
            } else {
                digest = d.scopeKey;
                const auto it = byIdentity.find(d.scopeKey);
                repository = it != byIdentity.end() ? model::imageRepository(it->second->name)
                                                    : std::string("unknown");
            }
            product = ociPurl(repository, digest, tag);
            break;
        }
        case model::DecisionScope::Repository:
            product = ociPurl(d.scopeKey, {}, {});
            break;
        case model::DecisionScope::Fleet:
            product = package;
            break;
        }
        const OpenVexStatus status = openVexStatus(d);
        out += "    {\n      \"vulnerability\": {\"name\": ";
        appendJsonString(out, d.vulnerability);
        out += "},\n      \"products\": [{\"@id\": ";
        appendJsonString(out, product);
        if (d.scope != model::DecisionScope::Fleet) {
            out += ", \"subcomponents\": [{\"@id\": ";
            appendJsonString(out, package);
            out += "}]";
        }
        out += "}],\n      \"status\": ";
        appendJsonString(out, status.status);
        const auto member =
            [&](std::string_view prefix, std::string_view key, const std::string &value) {
                out += prefix;
                out += '"';
                out += key;
                out += "\": ";
                appendJsonString(out, value);
            };
        const auto field = [&](std::string_view key, const std::string &value) {
            if (!value.empty())
                member(",\n      ", key, value);
        };
        field("justification", status.justification);
        field("impact_statement", status.impact);
        field("action_statement", status.action);
        field("status_notes", status.notes);
        field("timestamp", formatTimestamp(d.updatedAt > 0 ? d.updatedAt : options.now));
        out += ",\n      \"x-patchwise\": {\"scope\": ";
        appendJsonString(out, model::decisionScopeName(d.scope));
        const auto own = [&](std::string_view key, const std::string &value) {
            member(", ", key, value);
        };
        own("scopeKey", d.scopeKey);
        own("package", d.package);
        own("version", d.version);
        own("state", std::string(model::triageStateName(d.state)));
        own("justification", d.justification);
        own("reason", d.reason);
        own("note", d.note);
        own("owner", d.owner);
        out += ", \"expires\": " + std::to_string(d.expires) + "}\n    }";
    }
    out += first ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

} // namespace patchwise::store
