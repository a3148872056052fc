// SPDX-License-Identifier: GPL-3.0-or-later
// VEX documents: OpenVEX (https://github.com/openvex/spec, v0.0.x and v0.2.x) and CycloneDX
// VEX (vulnerabilities[].analysis, formats.md §4).

#include "vex.h"

#include "model/purl.h"
#include "readers.h"
#include "sourcefile.h"

#include <unordered_map>

namespace patchwise::ingest {

namespace {

Unexpected<std::string> fail(const std::string &message)
{
    return Unexpected<std::string>{message};
}

std::optional<model::TriageState> openVexState(std::string_view status)
{
    if (status == "not_affected")
        return model::TriageState::NotAffected;
    if (status == "affected")
        return model::TriageState::Exploitable;
    if (status == "fixed")
        return model::TriageState::Fixed;
    if (status == "under_investigation")
        return model::TriageState::InTriage;
    return std::nullopt;
}

std::optional<model::TriageState> cycloneDxState(std::string_view state)
{
    if (state == "not_affected")
        return model::TriageState::NotAffected;
    if (state == "false_positive")
        return model::TriageState::FalsePositive;
    if (state == "exploitable")
        return model::TriageState::Exploitable;
    if (state == "in_triage")
        return model::TriageState::InTriage;
    if (state == "resolved" || state == "resolved_with_pedigree")
        return model::TriageState::Fixed;
    return std::nullopt;
}

// An OpenVEX product or subcomponent: a string (v0.0.x) or {"@id", "identifiers": {purl}}.
std::string productId(const JsonNode &node)
{
    if (node.isString())
        return std::string(node.asString());
    if (!node.isObject())
        node.fail("expected a string or an object");
    std::string id(node.str("@id"));
    if (!id.starts_with("pkg:")) {
        if (const auto identifiers = node.get("identifiers")) {
            const std::string_view purl = identifiers->str("purl");
            if (!purl.empty())
                id = std::string(purl);
        }
    }
    if (id.empty())
        node.fail("a product needs an \"@id\" or identifiers.purl");
    return id;
}

void readPatchwise(const JsonNode &node, VexStatement &statement)
{
    VexPatchwiseDecision d;
    d.scope = std::string(node.str("scope"));
    d.scopeKey = std::string(node.str("scopeKey"));
    d.package = std::string(node.str("package"));
    d.version = std::string(node.str("version"));
    d.state = std::string(node.str("state"));
    d.justification = std::string(node.str("justification"));
    d.reason = std::string(node.str("reason"));
    d.note = std::string(node.str("note"));
    d.owner = std::string(node.str("owner"));
    d.expires = node.integer("expires");
    if (!model::decisionScopeFromName(d.scope))
        node.child("scope").fail("unknown scope \"" + d.scope + "\"");
    if (!model::triageStateFromName(d.state))
        node.child("state").fail("unknown state \"" + d.state + "\"");
    if (d.package.empty())
        node.fail("\"package\" is required");
    statement.patchwise = std::move(d);
}

void readOpenVex(const JsonNode &root, VexDocument &doc)
{
    doc.format = VexFormat::OpenVex;
    doc.id = std::string(root.str("@id"));
    doc.author = std::string(root.str("author"));
    doc.timestamp = timestampOf(root.str("timestamp"));
    if (!root.has("statements"))
        root.fail("an OpenVEX document needs \"statements\"");
    root.forEach("statements", [&](const JsonNode &s) {
        VexStatement st;
        st.where = s.path();
        const JsonNode vuln = s.child("vulnerability");
        if (vuln.isString()) {
            st.vulnerability = std::string(vuln.asString());
        } else {
            st.vulnerability = std::string(vuln.str("name"));
            if (st.vulnerability.empty())
                st.vulnerability = std::string(vuln.str("@id"));
            vuln.forEach("aliases",
                         [&](const JsonNode &a) { addUnique(st.aliases, a.asString()); });
        }
        if (st.vulnerability.empty())
            vuln.fail("the vulnerability has no name");
        s.forEach("products", [&](const JsonNode &p) {
            VexProduct product;
            product.id = productId(p);
            if (p.isObject())
                p.forEach("subcomponents", [&](const JsonNode &c) {
                    product.subcomponents.push_back(productId(c));
                });
            st.products.push_back(std::move(product));
        });
        // v0.0.x: subcomponents beside the products apply to each of them.
        std::vector<std::string> shared;
        s.forEach("subcomponents", [&](const JsonNode &c) { shared.push_back(productId(c)); });
        for (VexProduct &product : st.products)
            product.subcomponents.insert(product.subcomponents.end(), shared.begin(), shared.end());
        st.status = std::string(s.child("status").asString());
        const auto state = openVexState(st.status);
        if (!state)
            s.child("status").fail("unknown status \"" + st.status +
                                   "\" (expected not_affected, affected, fixed or "
                                   "under_investigation)");
        st.state = *state;
        st.justification = std::string(s.str("justification"));
        if (!st.justification.empty() && !model::isVexJustification(st.justification))
            s.child("justification").fail("unknown justification \"" + st.justification + "\"");
        st.impact = std::string(s.str("impact_statement"));
        st.action = std::string(s.str("action_statement"));
        st.notes = std::string(s.str("status_notes"));
        st.timestamp = timestampOf(s.str("timestamp"));
        if (st.timestamp == 0)
            st.timestamp = doc.timestamp;
        if (const auto own = s.get("x-patchwise"))
            readPatchwise(*own, st);
        doc.statements.push_back(std::move(st));
    });
}

void collectPurls(const JsonNode &list, std::unordered_map<std::string, std::string> &purls)
{
    list.forEachElement([&](const JsonNode &c) {
        const std::string ref(c.str("bom-ref"));
        const std::string purl(c.str("purl"));
        if (!ref.empty())
            purls.emplace(ref, purl);
        if (const auto nested = c.get("components"))
            collectPurls(*nested, purls);
    });
}

void readCycloneDxVex(const JsonNode &root, VexDocument &doc)
{
    doc.format = VexFormat::CycloneDx;
    doc.id = std::string(root.str("serialNumber"));
    std::unordered_map<std::string, std::string> purls; // bom-ref → purl ("" = none)
    if (const auto components = root.get("components"))
        collectPurls(*components, purls);
    std::string containerRef, containerPurl;
    if (const auto metadata = root.get("metadata")) {
        doc.timestamp = timestampOf(metadata->str("timestamp"));
        metadata->forEach("authors", [&](const JsonNode &a) {
            if (doc.author.empty())
                doc.author = std::string(a.str("name"));
        });
        if (doc.author.empty())
            if (const auto manufacturer = metadata->get("manufacturer"))
                doc.author = std::string(manufacturer->str("name"));
        if (const auto component = metadata->get("component")) {
            const std::string ref(component->str("bom-ref"));
            const std::string purl(component->str("purl"));
            if (!ref.empty())
                purls.emplace(ref, purl);
            if (component->str("type") == "container") {
                containerRef = ref;
                containerPurl = purl;
            }
        }
    }
    // A ref to a component: its purl. A BOM-link (urn:cdx:serial/version#ref) names a
    // component of another BOM by its bom-ref, which is often a purl itself.
    const auto resolve = [&](std::string ref) {
        if (ref.starts_with("urn:cdx:")) {
            const std::size_t hash = ref.find('#');
            if (hash != std::string::npos) {
                std::string decoded = model::percentDecode(ref.substr(hash + 1));
                ref = std::move(decoded);
            }
        }
        if (const auto it = purls.find(ref); it != purls.end() && !it->second.empty())
            return it->second;
        return ref;
    };
    int analysed = 0;
    root.forEach("vulnerabilities", [&](const JsonNode &v) {
        const auto analysis = v.get("analysis");
        if (!analysis || analysis->str("state").empty())
            return; // a finding, not a VEX statement
        ++analysed;
        VexStatement st;
        st.where = v.path();
        st.vulnerability = std::string(v.child("id").asString());
        if (st.vulnerability.empty())
            v.child("id").fail("the vulnerability has no id");
        v.forEach("references", [&](const JsonNode &r) { addUnique(st.aliases, r.str("id")); });
        st.status = std::string(analysis->str("state"));
        const auto state = cycloneDxState(st.status);
        if (!state)
            analysis->child("state").fail(
                "unknown state \"" + st.status +
                "\" (expected resolved, resolved_with_pedigree, exploitable, in_triage, "
                "false_positive or not_affected)");
        st.state = *state;
        st.justification = std::string(analysis->str("justification"));
        if (!st.justification.empty() && !model::isVexJustification(st.justification))
            analysis->child("justification")
                .fail("unknown justification \"" + st.justification + "\"");
        st.impact = std::string(analysis->str("detail"));
        analysis->forEach("response", [&](const JsonNode &r) {
            if (!st.action.empty())
                st.action += ", ";
            st.action += r.asString();
        });
        st.timestamp = timestampOf(analysis->str("lastUpdated"));
        if (st.timestamp == 0)
            st.timestamp = timestampOf(v.str("updated"));
        if (st.timestamp == 0)
            st.timestamp = doc.timestamp;
        std::vector<std::string> packages;
        v.forEach("affects", [&](const JsonNode &a) {
            const std::string ref(a.child("ref").asString());
            if (!containerRef.empty() && ref == containerRef)
                return; // the image itself: the statement is about all of it
            packages.push_back(resolve(ref));
        });
        if (!containerPurl.empty()) {
            // A BOM of an image: the affected components are packages inside it.
            st.products.push_back({containerPurl, std::move(packages)});
        } else {
            for (std::string &p : packages)
                st.products.push_back({std::move(p), {}});
        }
        doc.statements.push_back(std::move(st));
    });
    if (analysed == 0)
        root.fail("a CycloneDX BOM without VEX statements (no vulnerabilities[].analysis.state): "
                  "import it as a scan instead");
}

} // namespace

std::string_view vexFormatName(VexFormat format)
{
    return format == VexFormat::OpenVex ? "openvex" : "cyclonedx";
}

namespace {

Result<VexDocument> readVexSource(const SourceFile &file)
{
    simdjson::dom::parser parser;
    const auto root = parseJson(file, parser);
    if (!root)
        return fail(root.error());
    VexDocument doc;
    doc.path = file.path;
    const JsonNode node(*root);
    if (!node.isObject())
        return fail(file.path + ": not a VEX document (expected a JSON object)");
    const std::string_view context = node.has("@context") && node.child("@context").isString()
                                         ? node.str("@context")
                                         : std::string_view();
    const bool openVex = context.starts_with("https://openvex.dev/ns");
    const bool cycloneDx = !openVex && node.has("bomFormat") &&
                           node.child("bomFormat").isString() &&
                           node.str("bomFormat") == "CycloneDX";
    if (!openVex && !cycloneDx)
        return fail(file.path + ": not a VEX document (neither OpenVEX — \"@context\": "
                                "\"https://openvex.dev/ns/…\" — nor a CycloneDX BOM)");
    try {
        if (openVex)
            readOpenVex(node, doc);
        else
            readCycloneDxVex(node, doc);
    } catch (const ShapeError &e) {
        return fail(file.path + ": " + std::string(openVex ? "OpenVEX" : "CycloneDX VEX") +
                    ", at " + e.what());
    }
    return doc;
}

} // namespace

Result<VexDocument> readVexFile(const std::string &path)
{
    auto file = loadSourceFile(path, 1ull << 30);
    if (!file)
        return fail(file.error());
    return readVexSource(*file);
}

Result<VexDocument> readVexBytes(const std::string &path, std::string bytes)
{
    auto file = sourceFromBytes(path, std::move(bytes), 1ull << 30);
    if (!file)
        return fail(file.error());
    return readVexSource(*file);
}

} // namespace patchwise::ingest
