// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableexport.h"

#include "export/findingsexport.h"

#include <QSaveFile>

namespace patchwise::ui {

Result<std::size_t> writeTableCsv(const QString &path,
                                  const TriageModel::Snapshot &snapshot,
                                  const std::vector<int> &columns,
                                  const std::atomic<bool> *cancel,
                                  const std::function<void(std::size_t)> &progress)
{
    const auto failure = [&](const QString &why) {
        return Unexpected{QString(path + QStringLiteral(": ") + why).toStdString()};
    };
    if (!snapshot.cells.scoring)
        return failure(QStringLiteral("no workspace is open"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    std::string block;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        block += c ? "," : "";
        block += exporting::csvCell(TriageModel::columnName(columns[c]).toStdString());
    }
    block += "\r\n";
    constexpr std::size_t kBlockRows = 8192;
    const std::vector<std::uint32_t> &rows = snapshot.rows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            block += c ? "," : "";
            const QVariant value = TriageModel::cellValue(snapshot.cells, columns[c], rows[r]);
            block += exporting::csvCell(value.toString().toStdString());
        }
        block += "\r\n";
        if ((r + 1) % kBlockRows == 0 || r + 1 == rows.size()) {
            if (cancel && cancel->load()) {
                file.cancelWriting();
                return failure(QStringLiteral("export cancelled"));
            }
            if (file.write(block.data(), qint64(block.size())) != qint64(block.size()))
                return failure(file.errorString());
            block.clear();
            if (progress)
                progress(r + 1);
        }
    }
    if (!block.empty() && file.write(block.data(), qint64(block.size())) != qint64(block.size()))
        return failure(file.errorString());
    if (!file.commit())
        return failure(file.errorString());
    return rows.size();
}

} // namespace patchwise::ui
