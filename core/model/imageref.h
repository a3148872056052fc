// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace patchwise::model {

// Normalises an image reference for tag matching (formats.md §11): the default registry
// and library namespace are made explicit and a missing tag becomes ":latest", so
// "nginx", "docker.io/nginx:latest" and "index.docker.io/library/nginx" compare equal.
// A digest suffix (@sha256:…) is dropped: digests are matched exactly elsewhere.
// Returns "" for an empty reference or a bare digest.
std::string normalizedImageRef(std::string_view reference);

// The repository of a normalised reference: the reference without its tag
// ("docker.io/library/nginx:1.25" → "docker.io/library/nginx").
std::string repositoryOfRef(std::string_view normalisedRef);
// The normalised repository of an image name ("nginx:1.25" → "docker.io/library/nginx").
std::string imageRepository(std::string_view imageName);

} // namespace patchwise::model
