/// A query's result: named columns and rows of typed cells, ready to be written
/// as CSV, TSV or JSON.
public struct ResultTable: Hashable, Sendable {
  public var columns: [String]
  /// Each row has one cell per column.
  public var rows: [[Cell]]

  public init(columns: [String], rows: [[Cell]]) {
    self.columns = columns
    self.rows = rows
  }
}

/// The machine-readable formats a result table can be written in.
public enum ExportFormat: String, CaseIterable, Sendable {
  case csv, tsv, json

  /// The table written in this format; CSV and TSV end every line with `\n`,
  /// JSON is one document on one line without a line break.
  public func render(_ table: ResultTable) -> String {
    switch self {
    case .csv: return DelimitedWriter.csv(table)
    case .tsv: return DelimitedWriter.tsv(table)
    case .json: return JSONWriter.document(table)
    }
  }

  /// One value standing alone, as this format writes a cell: neutralised and
  /// quoted for CSV, escaped for TSV, a JSON value for JSON. No line break.
  public func render(_ cell: Cell) -> String {
    switch self {
    case .csv: return DelimitedWriter.csvField(cell)
    case .tsv: return DelimitedWriter.tsvField(cell)
    case .json: return JSONWriter.value(cell)
    }
  }
}
