import DSOForecast
import Testing

/// The row-major layout LAPACK and XGBoost read.
@Suite struct FeatureMatrixTests {
    @Test func rowsAreStoredRowMajorAndSelectedInOrder() {
        var matrix = FeatureMatrix(names: ["a", "b"])
        matrix.append(row: [1, 2])
        matrix.append(row: [3, 4])
        matrix.append(row: [5, 6])
        #expect(matrix.rowCount == 3 && matrix.columnCount == 2)
        #expect(matrix.values == [1, 2, 3, 4, 5, 6])
        #expect(matrix[2, 1] == 6)
        #expect(matrix.rows([2, 0]).values == [5, 6, 1, 2])
    }
}
