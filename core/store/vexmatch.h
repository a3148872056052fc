// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ingest/vex.h"
#include "store/workspace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace patchwise::risk {
struct Facts;
}

namespace patchwise::store {

// What one VEX statement does to a workspace: the decisions importing it records, the
// findings those decisions cover now, and — for every product that matches nothing — why
// (the vulnerability is not reported, no image has that digest, the package is named or
// versioned differently, …). A statement with no decisions cannot be expressed as one (for
// example, its product is not a purl) and imports nothing.
struct VexMatch
{
    std::size_t statement = 0; // index into VexDocument::statements
    std::vector<Decision> decisions;
    std::vector<std::uint32_t> findings; // facts indices, ascending
    std::vector<std::string> problems;
};

struct VexMatchOptions
{
    std::string owner;  // when the document names no author
    std::string source; // how decisions' notes name the document ("vex.json")
};

// Matches every statement against the workspace's facts and images (their repo digests and
// tags; may be empty). Products are matched by purl: pkg:oci/… names an image (by digest,
// tag or repository_url: digest / repository scope) whose subcomponents are the packages;
// any other purl names a package anywhere in the fleet (a version in it pins the decision
// to that version). Vulnerabilities match by id or alias. A statement Patchwise exported
// (x-patchwise) gives back its decision exactly.
std::vector<VexMatch> matchVex(const ingest::VexDocument &document,
                               const risk::Facts &facts,
                               const std::vector<ImageLayers> &images,
                               const VexMatchOptions &options);

struct OpenVexOptions
{
    std::string author;
    std::string id;       // the document's @id; "" = a urn:uuid
    std::int64_t now = 0; // the document's timestamp
    std::string tooling;  // "patchwise-cli 0.x"
};

// The decisions as an OpenVEX v0.2.0 document: one statement per decision (decisions in
// state "new" say nothing and are left out). Images become pkg:oci products with the
// package as subcomponent, fleet decisions a package product; package purls are the ones
// the scanners reported (`purls`: package name + '\x1f' + version → purl), versionless
// when the decision is for any version. Every statement also carries "x-patchwise", the
// decision itself, so that importing the document restores it exactly.
std::string openVexDocument(const std::vector<Decision> &decisions,
                            const risk::Facts &facts,
                            const std::vector<PackagePurl> &purls,
                            const OpenVexOptions &options);

} // namespace patchwise::store
