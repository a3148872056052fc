// SPDX-License-Identifier: GPL-3.0-or-later
#include "facts.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace patchwise::risk {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(
        out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// Parses a dotted IPv4 address; false for anything else.
bool parseIpv4(std::string_view s, std::array<int, 4> &out)
{
    for (int i = 0; i < 4; ++i) {
        int value = -1;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc() || value < 0 || value > 255)
            return false;
        out[std::size_t(i)] = value;
        s.remove_prefix(std::size_t(end - s.data()));
        if (i < 3) {
            if (s.empty() || s.front() != '.')
                return false;
            s.remove_prefix(1);
        }
    }
    return s.empty();
}

} // namespace

std::uint16_t Facts::sourceIndex(std::string_view name)
{
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (sources[i] == name)
            return std::uint16_t(i);
    sources.emplace_back(name);
    return std::uint16_t(sources.size() - 1);
}

std::uint32_t Facts::intern(std::string_view text)
{
    if (text.empty())
        return 0;
    strings.emplace_back(text);
    return std::uint32_t(strings.size() - 1);
}

std::string normalizedSource(std::string_view source)
{
    std::string s = lower(source);
    if (s.starts_with("github") || s == "ghsa" || s.starts_with("ghsa:"))
        return "ghsa";
    if (s.starts_with("nvd") || s == "nist")
        return "nvd";
    if (s == "redhat.com" || s == "red hat" || s == "secalert@redhat.com")
        return "redhat";
    return s;
}

std::string vendorSourceOf(std::string_view osFamily)
{
    const std::string f = lower(osFamily);
    if (f == "debian" || f == "ubuntu" || f == "alpine" || f == "photon" || f == "rocky" ||
        f == "alma" || f == "wolfi" || f == "chainguard" || f == "bitnami")
        return f;
    if (f == "redhat" || f == "rhel" || f == "centos" || f == "red hat enterprise linux")
        return "redhat";
    if (f == "almalinux")
        return "alma";
    if (f == "rockylinux")
        return "rocky";
    if (f == "amazon" || f == "amazonlinux" || f == "amzn")
        return "amazon";
    if (f == "oracle" || f == "ol" || f == "oraclelinux")
        return "oracle-oval";
    if (f == "cbl-mariner" || f == "mariner")
        return "cbl-mariner";
    if (f == "azurelinux")
        return "azure";
    if (f == "suse" || f == "opensuse" || f == "opensuse-leap" || f == "sles" ||
        f.starts_with("suse linux"))
        return "suse-cvrf";
    return {};
}

bool isLanguagePackage(std::string_view packageType)
{
    static constexpr std::string_view os[] = {
        "deb",    "rpm",        "apk",         "debian",     "ubuntu", "alpine",  "redhat",
        "centos", "rocky",      "alma",        "amazon",     "oracle", "photon",  "suse",
        "wolfi",  "chainguard", "cbl-mariner", "azurelinux", "os",     "os-pkgs", "dpkg",
        "apkg",   "",           "linux-kernel"};
    const std::string t = lower(packageType);
    return std::find(std::begin(os), std::end(os), t) == std::end(os);
}

bool isShellPackage(std::string_view name)
{
    static constexpr std::string_view shells[] = {"bash",
                                                  "dash",
                                                  "busybox",
                                                  "ash",
                                                  "zsh",
                                                  "ksh",
                                                  "mksh",
                                                  "tcsh",
                                                  "csh",
                                                  "fish",
                                                  "busybox-binsh",
                                                  "bash-static",
                                                  "yash",
                                                  "toybox"};
    const std::string n = lower(name);
    return std::find(std::begin(shells), std::end(shells), n) != std::end(shells);
}

bool isPublicHostPort(std::string_view binding)
{
    const std::size_t arrow = binding.find("->");
    std::string_view host = binding.substr(0, arrow);
    const std::size_t colon = host.rfind(':');
    if (colon == std::string_view::npos)
        return true; // "8080->80/tcp": a Kubernetes hostPort on every node address
    std::string_view ip = host.substr(0, colon);
    if (ip.size() >= 2 && ip.front() == '[' && ip.back() == ']')
        ip = ip.substr(1, ip.size() - 2);
    if (ip.empty() || ip == "0.0.0.0" || ip == "::")
        return true;
    if (ip == "::1" || ip.starts_with("fe80:") || ip.starts_with("fc") || ip.starts_with("fd"))
        return false;
    std::array<int, 4> a{};
    if (!parseIpv4(ip, a))
        return true; // a public IPv6 address or a name: assume reachable
    if (a[0] == 127 || a[0] == 10 || (a[0] == 172 && a[1] >= 16 && a[1] <= 31) ||
        (a[0] == 192 && a[1] == 168) || (a[0] == 169 && a[1] == 254) ||
        (a[0] == 100 && a[1] >= 64 && a[1] <= 127))
        return false;
    return true;
}

} // namespace patchwise::risk
