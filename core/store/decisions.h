// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspace.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace patchwise::risk {
struct Facts;
struct ImageFacts;
} // namespace patchwise::risk

namespace patchwise::store {

// What an image's decisions and base overrides are keyed by: its config digest, or
// "name:<name>" when the digest is unknown. Stable across re-imports of the same image.
std::string imageIdentity(std::string_view configDigest, std::string_view name);

// The scope key a decision of `scope` made on a finding of `image` gets: the image's
// identity, its normalised repository (from its name), or "" for the fleet.
std::string decisionScopeKey(model::DecisionScope scope, const risk::ImageFacts &image);

// The decisions that set `pattern` (state, reason, note, owner, …) on these findings with
// `pattern.scope`: one per distinct (scope key, vulnerability, package), in the order the
// findings first name them. The pattern's scopeKey, vulnerability and package are ignored;
// its version is kept ("" = any version).
std::vector<Decision> decisionsForFindings(const risk::Facts &facts,
                                           std::span<const std::uint32_t> findings,
                                           const Decision &pattern);

// Which decision covers which finding: the most specific scope wins (the image's identity,
// then any repository of the image — including the one its name implies — then the fleet),
// and within a scope a decision pinned to the finding's installed version wins over one for
// any version. Used when facts are loaded and to show what each decision covers now.
class DecisionMatcher
{
public:
    DecisionMatcher(const std::vector<Decision> &decisions, const risk::Facts &facts);

    bool empty() const { return m_empty; }
    // The index into `decisions` that decides finding `f`, or -1.
    int decisionOf(std::uint32_t f) const;

private:
    // A decision in the facts' own numbers: scope key (an index into m_keys), vulnerability
    // (Facts::vulns), package and version (Facts::strings; version 0 = any). Decisions on
    // anything the facts do not hold cannot cover a finding and are left out.
    struct Key
    {
        std::uint32_t scopeKey, vuln, package, version;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash
    {
        std::size_t operator()(const Key &k) const noexcept;
    };
    std::unordered_map<Key, int, KeyHash> m_byScope[3];
    std::vector<std::uint32_t> m_identity;                  // per image: its identity's key
    std::vector<std::vector<std::uint32_t>> m_repositories; // per image: its repositories' keys
    std::vector<bool> m_vulnDecided;                        // per Facts::vulns entry
    const risk::Facts &m_facts;
    bool m_empty = true;
};

} // namespace patchwise::store
