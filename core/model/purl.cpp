// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/purl.h"

#include <algorithm>

namespace patchwise::model {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(char(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

namespace {

std::string decode(std::string_view text)
{
    return percentDecode(text);
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}

} // namespace

std::string Purl::qualifier(std::string_view key) const
{
    for (const auto &[k, v] : qualifiers)
        if (k == key)
            return v;
    return {};
}

std::string purlEncode(std::string_view text, bool keepSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '~' ||
                           (keepSlash && c == '/');
        if (plain) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

std::string Purl::toString() const
{
    std::string out = "pkg:" + type + "/";
    if (!namespace_.empty()) {
        // Each namespace segment is encoded on its own.
        std::string_view rest = namespace_;
        while (!rest.empty()) {
            const std::size_t slash = rest.find('/');
            out += purlEncode(rest.substr(0, slash));
            out += '/';
            rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        }
    }
    out += purlEncode(name);
    if (!version.empty())
        out += "@" + purlEncode(version);
    std::vector<std::pair<std::string, std::string>> sorted = qualifiers;
    std::sort(sorted.begin(), sorted.end());
    char separator = '?';
    for (const auto &[k, v] : sorted) {
        if (v.empty())
            continue;
        out += separator + k + "=" + purlEncode(v, k == "repository_url");
        separator = '&';
    }
    if (!subpath.empty())
        out += "#" + purlEncode(subpath, true);
    return out;
}

std::optional<Purl> parsePurl(std::string_view text)
{
    if (text.size() < 4 || lower(text.substr(0, 4)) != "pkg:")
        return std::nullopt;
    text.remove_prefix(4);
    while (text.starts_with('/'))
        text.remove_prefix(1);
    Purl purl;
    if (const std::size_t hash = text.find('#'); hash != std::string_view::npos) {
        std::string_view sub = text.substr(hash + 1);
        while (sub.starts_with('/'))
            sub.remove_prefix(1);
        while (sub.ends_with('/'))
            sub.remove_suffix(1);
        purl.subpath = decode(sub);
        text = text.substr(0, hash);
    }
    if (const std::size_t q = text.find('?'); q != std::string_view::npos) {
        std::string_view rest = text.substr(q + 1);
        while (!rest.empty()) {
            const std::size_t amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            const std::size_t eq = pair.find('=');
            if (eq != std::string_view::npos && eq > 0)
                purl.qualifiers.emplace_back(lower(pair.substr(0, eq)),
                                             decode(pair.substr(eq + 1)));
            rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        }
        text = text.substr(0, q);
    }
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0)
        return std::nullopt;
    purl.type = lower(text.substr(0, slash));
    std::string_view path = text.substr(slash + 1);
    // The version follows the last '@' of the last path segment (a literal '@' in an npm
    // scope, written unencoded by some tools, sits in the namespace).
    const std::size_t lastSlash = path.rfind('/');
    const std::size_t at = path.rfind('@');
    if (at != std::string_view::npos && (lastSlash == std::string_view::npos || at > lastSlash)) {
        purl.version = decode(path.substr(at + 1));
        path = path.substr(0, at);
    }
    while (path.ends_with('/'))
        path.remove_suffix(1);
    const std::size_t nameStart = path.rfind('/');
    if (nameStart == std::string_view::npos) {
        purl.name = decode(path);
    } else {
        purl.name = decode(path.substr(nameStart + 1));
        std::string_view ns = path.substr(0, nameStart);
        std::string decoded;
        while (!ns.empty()) {
            const std::size_t s = ns.find('/');
            const std::string_view segment = ns.substr(0, s);
            if (!segment.empty()) {
                if (!decoded.empty())
                    decoded += '/';
                decoded += decode(segment);
            }
            ns = s == std::string_view::npos ? std::string_view() : ns.substr(s + 1);
        }
        purl.namespace_ = std::move(decoded);
    }
    if (purl.name.empty())
        return std::nullopt;
    return purl;
}

std::vector<std::string> purlPackageNames(const Purl &purl)
{
    std::vector<std::string> names;
    const auto add = [&](std::string name) {
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
            names.push_back(std::move(name));
    };
    if (!purl.namespace_.empty()) {
        if (purl.type == "maven")
            add(purl.namespace_ + ":" + purl.name);
        else if (purl.type == "npm" || purl.type == "golang" || purl.type == "composer" ||
                 purl.type == "swift")
            add(purl.namespace_ + "/" + purl.name);
    }
    add(purl.name);
    if (purl.type == "pypi") {
        // PyPI names compare with '-', '_' and '.' equal and case folded.
        std::string folded = lower(purl.name);
        std::replace(folded.begin(), folded.end(), '_', '-');
        std::replace(folded.begin(), folded.end(), '.', '-');
        add(folded);
    }
    return names;
}

} // namespace patchwise::model
