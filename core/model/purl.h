// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patchwise::model {

// A package URL (https://github.com/package-url/purl-spec):
// pkg:type/namespace/name@version?qualifiers#subpath. Components are percent-decoded.
struct Purl
{
    std::string type; // lower case: "deb", "npm", "maven", "oci", …
    std::string namespace_;
    std::string name;
    std::string version;
    std::vector<std::pair<std::string, std::string>> qualifiers; // keys lower case, in order
    std::string subpath;

    std::string qualifier(std::string_view key) const; // "" when absent
    // The canonical text: components percent-encoded, qualifiers sorted by key.
    std::string toString() const;
};

// Parses a purl; nullopt when `text` is not one (no "pkg:" scheme, no type or no name).
std::optional<Purl> parsePurl(std::string_view text);

// The names scanners give the package a purl describes, most specific first: Maven
// "group:artifact" and "artifact", npm "@scope/name", Go "module/path", plain "name"
// otherwise. Matching a finding's package against any of them finds it.
std::vector<std::string> purlPackageNames(const Purl &purl);

// Decodes %XX escapes (malformed ones are kept as written).
std::string percentDecode(std::string_view text);
// Percent-encodes what a purl component may not carry literally.
std::string purlEncode(std::string_view text, bool keepSlash = false);

} // namespace patchwise::model
