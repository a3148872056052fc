// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/triage.h"
#include "util/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patchwise::ingest {

// VEX documents (issue 8): OpenVEX (v0.0.x and v0.2.x) and CycloneDX VEX (analysis on
// vulnerabilities, spec 1.4+). Read into statements; matching them against a workspace and
// turning them into decisions is store::matchVex's job.
enum class VexFormat : std::uint8_t
{
    OpenVex,
    CycloneDx,
};

struct VexProduct
{
    std::string id;                         // a purl, as far as the document gives one
    std::vector<std::string> subcomponents; // the packages inside it (OpenVEX), purls
};

// What Patchwise itself wrote about the decision behind a statement it exported
// ("x-patchwise" on an OpenVEX statement): read back, it restores the decision exactly.
struct VexPatchwiseDecision
{
    std::string scope, scopeKey, package, version, state, justification, reason, note, owner;
    std::int64_t expires = 0;
};

struct VexStatement
{
    std::string where; // "statements[2]", "vulnerabilities[0]": for messages
    std::string vulnerability;
    std::vector<std::string> aliases;
    std::vector<VexProduct> products;
    std::string status; // as written: not_affected, affected, fixed, under_investigation; or
                        // CycloneDX analysis.state
    model::TriageState state = model::TriageState::New;
    std::string justification;
    std::string impact; // OpenVEX impact_statement / CycloneDX analysis.detail
    std::string action; // OpenVEX action_statement / CycloneDX analysis.response, joined
    std::string notes;  // OpenVEX status_notes
    std::int64_t timestamp = 0;
    std::optional<VexPatchwiseDecision> patchwise;
};

struct VexDocument
{
    std::string path;
    VexFormat format = VexFormat::OpenVex;
    std::string id;     // OpenVEX @id, CycloneDX serialNumber
    std::string author; // OpenVEX author, CycloneDX metadata.authors / manufacturer
    std::int64_t timestamp = 0;
    std::vector<VexStatement> statements;
};

std::string_view vexFormatName(VexFormat format); // "openvex", "cyclonedx"

// Reads a VEX file. Errors name the file and the place ("statements[3].status: …", or the
// line and column of a JSON syntax error); a document that is neither OpenVEX nor a
// CycloneDX BOM with analysed vulnerabilities is refused.
Result<VexDocument> readVexFile(const std::string &path);
// The same for bytes in memory; `path` names them in messages.
Result<VexDocument> readVexBytes(const std::string &path, std::string bytes);

} // namespace patchwise::ingest
