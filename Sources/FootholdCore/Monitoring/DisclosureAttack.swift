/// The attacker the anonymity rules are tested against (decision 0016): someone who sees some
/// figures, knows how every figure is made (which reports each one adds up), and solves the linear
/// equations that gives them. A figure is worked out exactly when its make-up is a combination of
/// the make-ups of figures they see — whatever the values are.
public enum DisclosureAttack {
    /// For each target, whether it follows from the known figures. Every figure is given as the
    /// reports (numbered from 0 to `reports - 1`) it adds up.
    public static func determined(known: [[Int]], targets: [[Int]], reports: Int) -> [Bool] {
        var basis = Basis(width: reports)
        for figure in known { basis.add(vector(figure, width: reports)) }
        return targets.map { basis.spans(vector($0, width: reports)) }
    }

    static func vector(_ reports: [Int], width: Int) -> [Int] {
        var row = Array(repeating: 0, count: width)
        for report in reports { row[report] += 1 }
        return row
    }

    /// Rows in echelon form, kept in whole numbers (fraction-free elimination, each row divided by
    /// the greatest common divisor of its entries so that nothing grows).
    struct Basis {
        let width: Int
        var rows: [(pivot: Int, row: [Int])] = []

        init(width: Int) { self.width = width }

        func reduced(_ input: [Int]) -> [Int] {
            var row = input
            for (pivot, basisRow) in rows where row[pivot] != 0 {
                let a = basisRow[pivot]
                let b = row[pivot]
                for column in 0..<width {
                    let (x, o1) = row[column].multipliedReportingOverflow(by: a)
                    let (y, o2) = basisRow[column].multipliedReportingOverflow(by: b)
                    precondition(!o1 && !o2, "the attack's arithmetic overflowed")
                    row[column] = x - y
                }
                normalise(&row)
            }
            return row
        }

        mutating func add(_ input: [Int]) {
            let row = reduced(input)
            guard let pivot = row.firstIndex(where: { $0 != 0 }) else { return }
            // Keep earlier rows free of the new pivot so `reduced` needs one pass.
            for index in rows.indices where rows[index].row[pivot] != 0 {
                let a = row[pivot]
                let b = rows[index].row[pivot]
                for column in 0..<width { rows[index].row[column] = rows[index].row[column] * a - row[column] * b }
                normalise(&rows[index].row)
            }
            rows.append((pivot, row))
        }

        func spans(_ input: [Int]) -> Bool { reduced(input).allSatisfy { $0 == 0 } }

        private func normalise(_ row: inout [Int]) {
            var divisor = 0
            for value in row where value != 0 { divisor = gcd(divisor, abs(value)) }
            if divisor > 1 { for column in 0..<width { row[column] /= divisor } }
        }

        private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    }
}
