// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "basedetect.h"
#include "risk/engine.h"
#include "risk/scoredrows.h"
#include "util/result.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

// One image layer by layer (`patchwise-cli layers`): what each layer holds, and which
// layers came with the base image.
namespace patchwise::layers {

struct LayerSummary
{
    int index = 0;
    std::string diffId;
    std::string createdBy;
    std::int64_t size = -1;
    bool inBase = false;
    int findings = 0;                // open findings attributed to this layer
    std::array<int, 5> bySeverity{}; // critical, high, medium, low (with negligible), unknown
    int baseImageFixes = 0;          // of those, fixed by updating the base image
    double riskSum = 0;
};

struct ImageLayerView
{
    std::string image;
    std::string imageDigest;
    std::optional<BaseImage> base;
    std::vector<LayerSummary> layers;
    int unattributed = 0; // open findings whose layer the reports did not give
};

// Finds the image a reference names: a name or tag (normalised: "nginx" is
// docker.io/library/nginx:latest), a repo digest (repo@sha256:…), a config digest, or a
// unique prefix of one (at least 4 hex digits, "sha256:" optional). The error says whether
// nothing or several images matched, naming them.
Result<std::size_t> resolveImage(const std::vector<store::ImageLayers> &images,
                                 std::string_view reference);

// Per finding of a scoring: whether its package sits in a base-image layer (-1 when the
// finding's layer or the base's extent is unknown; 0 when the image has no known base)
// and whether updating the base fixes it: in a base layer, a fixed version exists, and no
// later layer of the image holds the same package, in a finding or in the scanner's package
// list (formats.md §2.5, §3.3).
struct BaseFlags
{
    std::int8_t inBase = 0;
    bool baseImageFix = false;
};
std::vector<BaseFlags> baseAttribution(const std::vector<store::ImageLayers> &images,
                                       const std::vector<std::optional<BaseImage>> &bases,
                                       const risk::Scoring &scoring);

// Lets `rows` answer the `inbase` and `basefix` filter fields.
void setBaseAttribution(risk::ScoredRows &rows, const std::vector<BaseFlags> &flags);

// The layer view of `images[index]` under a scoring of the same workspace; `flags` from
// baseAttribution().
ImageLayerView layerView(const std::vector<store::ImageLayers> &images,
                         std::size_t index,
                         const std::optional<BaseImage> &base,
                         const risk::Scoring &scoring,
                         const std::vector<BaseFlags> &flags);

} // namespace patchwise::layers
