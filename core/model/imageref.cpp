// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageref.h"

namespace patchwise::model {

std::string normalizedImageRef(std::string_view ref)
{
    if (const std::size_t at = ref.find('@'); at != std::string_view::npos)
        ref = ref.substr(0, at);
    if (ref.empty() || ref.starts_with("sha256:"))
        return {};
    std::string name(ref);
    // A tag is a ':' after the last '/' (a ':' before it is a registry port).
    const std::size_t slash = name.rfind('/');
    const std::size_t colon = name.rfind(':');
    if (colon == std::string::npos || (slash != std::string::npos && colon < slash))
        name += ":latest";
    const std::size_t first = name.find('/');
    const std::string head = first == std::string::npos ? std::string() : name.substr(0, first);
    const bool hasRegistry =
        !head.empty() && (head.find('.') != std::string::npos ||
                          head.find(':') != std::string::npos || head == "localhost");
    if (!hasRegistry)
        name = (first == std::string::npos ? "docker.io/library/" : "docker.io/") + name;
    if (name.starts_with("index.docker.io/"))
        name = name.substr(6); // → docker.io/
    if (name.starts_with("docker.io/") && name.find('/', 10) == std::string::npos)
        name.insert(10, "library/");
    return name;
}

std::string repositoryOfRef(std::string_view normalisedRef)
{
    const std::size_t slash = normalisedRef.rfind('/');
    const std::size_t colon = normalisedRef.rfind(':');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash))
        return std::string(normalisedRef.substr(0, colon));
    return std::string(normalisedRef);
}

std::string imageRepository(std::string_view imageName)
{
    return repositoryOfRef(normalizedImageRef(imageName));
}

} // namespace patchwise::model
