using System.Diagnostics;

namespace CircuitSim.Numerics;

/// <summary>
/// Maximum transversal in the style of Duff's MC21: pairs as many columns as possible with distinct rows that hold a
/// structural entry in them, by depth-first augmenting paths with a "cheap assignment" look-ahead. Permuting the rows by
/// the pairing puts a structural nonzero on every diagonal position, which MNA needs because voltage-source and inductor
/// rows have a zero diagonal; the transversal moves a ±1 coupling entry onto the diagonal instead. A column left unpaired
/// proves the matrix structurally singular.
/// </summary>
internal static class MaximumTransversal
{
    /// <summary>Returns rowOfColumn: the row paired with each column, or -1 for columns no augmenting path can reach.</summary>
    public static int[] Find(SparsityPattern pattern) => new Search(pattern).Run();

    private sealed class Search
    {
        private readonly int[] columnStart;
        private readonly int[] rowIndex;
        private readonly int[] rowOfColumn;
        private readonly int[] columnOfRow;

        /// <summary>Per column, where the look-ahead for a free row resumes; rows before it are known to be paired already.</summary>
        private readonly int[] lookAhead;

        /// <summary>The search (identified by its starting column) that last visited each column.</summary>
        private readonly int[] visitedBy;

        // The current augmenting path: columns, the next row to try in each, and the row leading to the next column.
        private readonly int[] pathColumn;
        private readonly int[] nextRow;
        private readonly int[] pathRow;

        public Search(SparsityPattern pattern)
        {
            int n = pattern.Size;
            columnStart = pattern.ColumnStart;
            rowIndex = pattern.RowIndex;
            rowOfColumn = new int[n];
            columnOfRow = new int[n];
            Array.Fill(rowOfColumn, -1);
            Array.Fill(columnOfRow, -1);
            lookAhead = columnStart[..n];
            visitedBy = new int[n];
            Array.Fill(visitedBy, -1);
            pathColumn = new int[n];
            nextRow = new int[n];
            pathRow = new int[n];
        }

        public int[] Run()
        {
            PairStructuralDiagonal();
            for (int column = 0; column < rowOfColumn.Length; column++)
            {
                if (rowOfColumn[column] < 0) Augment(column);
            }

            return rowOfColumn;
        }

        /// <summary>
        /// Keeps existing diagonal entries on the diagonal: node rows of an MNA matrix carry their conductance sum there,
        /// which is the pivot the circuit naturally wants, so only zero-diagonal columns need augmenting paths.
        /// </summary>
        private void PairStructuralDiagonal()
        {
            for (int column = 0; column < rowOfColumn.Length; column++)
            {
                int start = columnStart[column], end = columnStart[column + 1];
                if (Array.BinarySearch(rowIndex, start, end - start, column) >= 0)
                {
                    rowOfColumn[column] = column;
                    columnOfRow[column] = column;
                }
            }
        }

        private void Augment(int start)
        {
            int depth = 0;
            pathColumn[0] = start;
            nextRow[0] = columnStart[start];
            visitedBy[start] = start;
            int freeRow = FindFreeRow(start);
            while (freeRow < 0)
            {
                int column = pathColumn[depth];
                int end = columnStart[column + 1];
                int p = nextRow[depth];
                int deeper = -1;
                for (; p < end; p++)
                {
                    int row = rowIndex[p];
                    int owner = columnOfRow[row];
                    Debug.Assert(owner >= 0, "The look-ahead has already scanned every row of a column on the path.");
                    if (visitedBy[owner] != start)
                    {
                        deeper = owner;
                        pathRow[depth] = row;
                        p++;
                        break;
                    }
                }

                nextRow[depth] = p;
                if (deeper < 0)
                {
                    if (depth == 0) return; // No augmenting path: the column stays unpaired.
                    depth--;
                    continue;
                }

                visitedBy[deeper] = start;
                depth++;
                pathColumn[depth] = deeper;
                nextRow[depth] = columnStart[deeper];
                freeRow = FindFreeRow(deeper);
            }

            // Shift the pairing along the path: each column takes the row that led away from it, the last one the free row.
            for (int d = 0; d <= depth; d++)
            {
                int row = d < depth ? pathRow[d] : freeRow;
                rowOfColumn[pathColumn[d]] = row;
                columnOfRow[row] = pathColumn[d];
            }
        }

        private int FindFreeRow(int column)
        {
            int end = columnStart[column + 1];
            for (int p = lookAhead[column]; p < end; p++)
            {
                int row = rowIndex[p];
                if (columnOfRow[row] < 0)
                {
                    lookAhead[column] = p + 1;
                    return row;
                }
            }

            lookAhead[column] = end;
            return -1;
        }
    }
}
