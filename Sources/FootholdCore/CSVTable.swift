/// A CSV file read by the rules of RFC 4180, remembering on which line each record starts so that
/// every problem can be reported where a person will find it in their spreadsheet.
public struct CSVTable: Sendable, Equatable {
    public struct Record: Sendable, Equatable {
        /// The line of the file on which this record starts (the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "Line \(line): \(message)" }
    }

    public var records: [Record]

    /// Reads UTF-8 text, with or without a byte-order mark, with LF or CRLF line ends. Wholly blank
    /// lines are skipped; a field in double quotes may hold commas, quotes ("") and line breaks.
    public init(parsing text: String) throws(SyntaxError) {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var afterClosingQuote = false

        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "\n"):
                index += 1
                fallthrough
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\""):
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                } else {
                    throw SyntaxError(
                        line: line,
                        message:
                            "a double quote appears inside a field that does not start with one; put the whole field in double quotes and write the quote twice (\"\")"
                    )
                }
            default:
                if afterClosingQuote {
                    throw SyntaxError(
                        line: line,
                        message: "there is text after a closing double quote; a quoted field must end at the next comma or line end")
                }
                field.append(byte)
            }
            index += 1
        }
        if inQuotes {
            throw SyntaxError(line: recordLine, message: "a double quote opened on this line is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        self.records = records
    }
}
