using System.Diagnostics;

namespace CircuitSim.Numerics;

/// <summary>The result of a fill-reducing ordering.</summary>
/// <param name="Order">Order[k] is the node eliminated k-th.</param>
/// <param name="CholeskyNonZeros">
/// Off-diagonal entries of the Cholesky factor of the graph under this order; an estimate (and, for dense nodes, an upper
/// bound) used to size the LU factor storage before the numeric factorization discovers the true pattern.
/// </param>
internal readonly record struct FillReducingOrder(int[] Order, long CholeskyNonZeros);

/// <summary>
/// Approximate Minimum Degree ordering (Amestoy, Davis and Duff, 1996) of a symmetric pattern.
/// </summary>
/// <remarks>
/// <para>
/// Minimum degree on the explicit elimination graph is too slow for large circuits because every elimination turns the
/// pivot's neighbourhood into a clique. Instead the elimination is simulated on a quotient graph: an eliminated pivot
/// becomes an <em>element</em> whose list Le is exactly the clique it created, and variables list the elements they belong
/// to plus the original neighbours not yet covered by an element. Storage never exceeds that of the input graph.
/// </para>
/// <para>
/// The algorithm's speed comes from four ideas, all implemented here: (1) elements covered by the new element are
/// absorbed (deleted), including "aggressive" absorption of any element found to be a subset of it; (2) exact degrees are
/// replaced by the upper bound d_i = min(n - k, d_i + |Lme \ i|, |Ai \ i| + |Lme \ i| + Σ|Le \ Lme|), where the set
/// differences |Le \ Lme| for all elements touching Lme are found in one pass; (3) indistinguishable variables are merged
/// into supervariables (found by hashing their lists) and carried as one node with a weight; (4) a variable whose only
/// neighbour is the new element is eliminated together with the pivot (mass elimination). Nodes much denser than average
/// (e.g. a supply rail) are left out of the graph and ordered last, since they would make every degree update expensive.
/// </para>
/// <para>
/// All lists live in one integer workspace; when it fills up, live lists are compacted to its start. The pivots are
/// finally post-ordered along the assembly tree (an element's parent is the element that absorbed it), each followed by
/// the nodes eliminated with it. That leaves the fill unchanged but makes every subtree contiguous, so a left-looking
/// factorization mostly reuses columns it has just computed, which are still in cache.
/// </para>
/// </remarks>
internal sealed class ApproximateMinimumDegree
{
    // Values of elen[] besides a variable's element count (>= 0).
    private const int IsElement = -1;
    private const int IsGone = -2; // merged into a supervariable, mass-eliminated, or set aside as dense

    private readonly int n;

    /// <summary>All adjacency lists; node i's list is iw[pe[i] .. pe[i] + len[i]). Free space starts at freeStart.</summary>
    private int[] iw;
    private int freeStart;
    private readonly int[] pe;
    private readonly int[] len;

    /// <summary>For a variable, how many entries at the start of its list are elements (the rest are variables).</summary>
    private readonly int[] elen;

    /// <summary>
    /// Weight of a principal variable (the number of original nodes it stands for); 0 for non-principal or eliminated
    /// ones. Negated while the variable is in the element being built, which doubles as an "already collected" mark.
    /// </summary>
    private readonly int[] nv;

    /// <summary>Approximate external degree of a variable; weighted size |Le| of an element.</summary>
    private readonly int[] degree;

    /// <summary>
    /// Per element: 0 once absorbed, otherwise a mark. During an elimination step w[e] - wflg = |Le \ Lme| for the
    /// elements touched; values below wflg are stale. Supervariable detection also marks variables with wflg.
    /// </summary>
    private readonly int[] w;
    private int wflg;

    // Doubly linked bucket lists of variables by approximate degree.
    private readonly int[] degreeHead;
    private readonly int[] degreeNext;
    private readonly int[] degreePrev;
    private int minimumDegree;

    // Hash buckets for supervariable detection; only the variables of the current element are ever in them.
    private readonly int[] hashHead;
    private readonly int[] hashNext;
    private readonly int[] hashBucket;

    // Each principal variable heads a chain of the original nodes merged into it, in the order they must be eliminated.
    private readonly int[] chainNext;
    private readonly int[] chainLast;

    /// <summary>Original nodes in elimination order; each pivot's group (itself and what was eliminated with it) is contiguous.</summary>
    private readonly int[] eliminationSequence;
    private int sequenced;

    // Per pivot: where its group starts in eliminationSequence and how long it is; the element that absorbed it.
    private readonly int[] groupStart;
    private readonly int[] groupLength;
    private readonly int[] assemblyParent;
    private readonly int[] pivots;
    private int pivotCount;

    private readonly int[] denseNodes;
    private readonly int variableCount; // nodes taking part in the quotient graph (all but the dense ones)
    private int eliminated;             // weighted count of eliminated variables
    private int largestElement;
    private long choleskyNonZeros;

    private ApproximateMinimumDegree(AdjacencyGraph graph)
    {
        n = graph.NodeCount;
        pe = new int[n];
        len = new int[n];
        elen = new int[n];
        nv = new int[n];
        degree = new int[n];
        w = new int[n];
        degreeHead = new int[n];
        degreeNext = new int[n];
        degreePrev = new int[n];
        hashHead = new int[n];
        hashNext = new int[n];
        hashBucket = new int[n];
        chainNext = new int[n];
        chainLast = new int[n];
        eliminationSequence = new int[n];
        groupStart = new int[n];
        groupLength = new int[n];
        assemblyParent = new int[n];
        pivots = new int[n];
        Array.Fill(assemblyParent, -1);
        Array.Fill(degreeHead, -1);
        Array.Fill(hashHead, -1);
        Array.Fill(chainNext, -1);

        int denseThreshold = Math.Max(16, (int)(10 * Math.Sqrt(n)));
        var isDense = new bool[n];
        var dense = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (graph.Degree(i) <= denseThreshold) continue;
            isDense[i] = true;
            dense.Add(i);
        }

        denseNodes = dense.ToArray();
        variableCount = n - denseNodes.Length;

        int edges = graph.Neighbors.Length;
        iw = new int[edges + edges / 5 + 2 * n];
        for (int i = 0; i < n; i++)
        {
            chainLast[i] = i;
            if (isDense[i])
            {
                pe[i] = -1;
                elen[i] = IsGone;
                continue;
            }

            pe[i] = freeStart;
            for (int p = graph.Start[i]; p < graph.Start[i + 1]; p++)
            {
                int j = graph.Neighbors[p];
                if (!isDense[j]) iw[freeStart++] = j;
            }

            len[i] = freeStart - pe[i];
            nv[i] = 1;
            w[i] = 1;
            InsertByDegree(i, len[i]);
        }

        wflg = 2;
    }

    public static FillReducingOrder Order(AdjacencyGraph graph) => new ApproximateMinimumDegree(graph).Run();

    private FillReducingOrder Run()
    {
        while (eliminated < variableCount)
        {
            ResetMarksIfNearOverflow();
            Eliminate(PopMinimumDegree());
        }

        var order = new int[n];
        int ordered = 0;
        foreach (int pivot in ForestPostorder.Of(assemblyParent, pivots.AsSpan(0, pivotCount)))
        {
            Array.Copy(eliminationSequence, groupStart[pivot], order, ordered, groupLength[pivot]);
            ordered += groupLength[pivot];
        }

        denseNodes.CopyTo(order, ordered);
        long dense = denseNodes.Length;
        choleskyNonZeros += dense * variableCount + dense * (dense - 1) / 2;
        Debug.Assert(ordered + denseNodes.Length == n);
        return new FillReducingOrder(order, choleskyNonZeros);
    }

    /// <summary>Eliminates pivot me (with everything that turns out indistinguishable from it) and updates the graph.</summary>
    private void Eliminate(int me)
    {
        int pivotWeight = nv[me];
        pivots[pivotCount++] = me;
        groupStart[me] = sequenced;
        AppendToSequence(me);
        eliminated += pivotWeight;

        var (start, end, elementWeight) = BuildElement(me);
        MeasureExternalElementSizes(start, end);
        UpdateVariables(me, start, end, ref elementWeight, ref pivotWeight);
        groupLength[me] = sequenced - groupStart[me];

        choleskyNonZeros += (long)pivotWeight * elementWeight + (long)pivotWeight * (pivotWeight - 1) / 2;
        degree[me] = elementWeight;
        largestElement = Math.Max(largestElement, elementWeight);
        wflg += largestElement + 1; // every |Le \ Lme| mark of this step now lies below wflg

        MergeIndistinguishableVariables(start, end);
        FinishElement(me, start, end, elementWeight, pivotWeight);
    }

    /// <summary>
    /// Forms Lme: the union of me's own variables and the variables of the elements adjacent to me, which are absorbed.
    /// Collected variables are marked by negating nv and taken out of the degree lists.
    /// </summary>
    private (int Start, int End, int Weight) BuildElement(int me)
    {
        int elementCount = elen[me];
        nv[me] = -nv[me];
        int weight = 0;
        int start, dst;
        if (elementCount == 0)
        {
            // me's list holds variables only, so Lme can be compacted in place.
            start = dst = pe[me];
            int stop = start + len[me];
            for (int p = start; p < stop; p++)
            {
                CollectVariable(iw[p], ref dst, ref weight);
            }
        }
        else
        {
            EnsureFreeSpace(me, elementCount);
            start = dst = freeStart;
            int list = pe[me];
            for (int k = 0; k < elementCount; k++)
            {
                int e = iw[list + k];
                for (int q = pe[e], stop = pe[e] + len[e]; q < stop; q++)
                {
                    CollectVariable(iw[q], ref dst, ref weight);
                }

                Absorb(e, me);
            }

            for (int p = list + elementCount, stop = list + len[me]; p < stop; p++)
            {
                CollectVariable(iw[p], ref dst, ref weight);
            }

            freeStart = dst;
        }

        pe[me] = start;
        len[me] = dst - start;
        elen[me] = IsElement;
        return (start, dst, weight);
    }

    private void CollectVariable(int i, ref int dst, ref int weight)
    {
        int weightOfI = nv[i];
        if (weightOfI <= 0) return; // non-principal, eliminated, or already collected
        weight += weightOfI;
        nv[i] = -weightOfI;
        iw[dst++] = i;
        RemoveFromDegreeList(i);
    }

    /// <summary>
    /// For every element e adjacent to a variable of Lme, leaves w[e] = wflg + |Le \ Lme| by subtracting the weights of
    /// the Lme variables it contains from |Le| (stored in degree[e]).
    /// </summary>
    private void MeasureExternalElementSizes(int start, int end)
    {
        for (int p = start; p < end; p++)
        {
            int i = iw[p];
            int elementCount = elen[i];
            if (elementCount <= 0) continue;
            int weightOfI = -nv[i];
            int firstVisit = wflg - weightOfI;
            for (int q = pe[i], stop = pe[i] + elementCount; q < stop; q++)
            {
                int e = iw[q];
                int we = w[e];
                if (we >= wflg) we -= weightOfI;
                else if (we != 0) we = degree[e] + firstVisit;
                w[e] = we;
            }
        }
    }

    /// <summary>
    /// For each variable of Lme: prunes its lists (absorbed elements, elements now inside Lme, variables covered by
    /// Lme), computes the degree bound, prepends me, and either eliminates it along with me (if me is its only
    /// neighbour) or files it into a hash bucket for supervariable detection.
    /// </summary>
    private void UpdateVariables(int me, int start, int end, ref int elementWeight, ref int pivotWeight)
    {
        for (int p = start; p < end; p++)
        {
            int i = iw[p];
            int first = pe[i];
            int elementsEnd = first + elen[i];
            int listEnd = first + len[i];
            int dst = first;
            int externalDegree = 0;
            ulong hash = 0;
            for (int q = first; q < elementsEnd; q++)
            {
                int e = iw[q];
                int we = w[e];
                if (we == 0) continue; // absorbed into me
                int outside = we - wflg;
                if (outside > 0)
                {
                    externalDegree += outside;
                    iw[dst++] = e;
                    hash += (ulong)e;
                }
                else
                {
                    Absorb(e, me); // aggressive absorption: Le lies entirely inside Lme
                }
            }

            int elementsKept = dst - first;
            for (int q = elementsEnd; q < listEnd; q++)
            {
                int j = iw[q];
                int weightOfJ = nv[j];
                if (weightOfJ <= 0) continue; // in Lme (now reached through me) or no longer a principal variable
                externalDegree += weightOfJ;
                iw[dst++] = j;
                hash += (ulong)j;
            }

            if (dst == first)
            {
                // Mass elimination: i is adjacent to nothing but me, so eliminating it with me creates no fill.
                int weightOfI = -nv[i];
                elementWeight -= weightOfI;
                pivotWeight += weightOfI;
                eliminated += weightOfI;
                nv[i] = 0;
                Remove(i);
                AppendToSequence(i);
                continue;
            }

            degree[i] = Math.Min(degree[i], externalDegree);

            // Put me first. At least one entry was dropped above (me as a variable, or an element absorbed into me), so
            // the list still fits in its slot.
            Debug.Assert(dst - first < len[i]);
            Array.Copy(iw, first, iw, first + 1, dst - first);
            iw[first] = me;
            len[i] = dst - first + 1;
            elen[i] = elementsKept + 1;

            int bucket = (int)(hash % (ulong)n);
            hashBucket[i] = bucket;
            hashNext[i] = hashHead[bucket];
            hashHead[bucket] = i;
        }
    }

    /// <summary>
    /// Merges variables of Lme with identical lists (same elements and variables, hence the same future fill) into
    /// supervariables. Candidates share a hash bucket; equality is confirmed by marking one list and scanning the other.
    /// </summary>
    private void MergeIndistinguishableVariables(int start, int end)
    {
        for (int p = start; p < end; p++)
        {
            int i = iw[p];
            if (nv[i] >= 0) continue; // mass-eliminated, or already merged into another variable
            int bucket = hashBucket[i];
            int head = hashHead[bucket];
            if (head < 0) continue; // bucket already processed
            hashHead[bucket] = -1;

            for (int a = head; a >= 0 && hashNext[a] >= 0; a = hashNext[a])
            {
                // Both lists start with me, so only the rest needs comparing.
                int listA = pe[a], lengthA = len[a];
                for (int q = listA + 1; q < listA + lengthA; q++) w[iw[q]] = wflg;

                int previous = a;
                for (int b = hashNext[a]; b >= 0; b = hashNext[b])
                {
                    if (len[b] == lengthA && elen[b] == elen[a] && AllMarked(b))
                    {
                        nv[a] += nv[b]; // both negative while in Lme
                        nv[b] = 0;
                        Remove(b);
                        chainNext[chainLast[a]] = b;
                        chainLast[a] = chainLast[b];
                        hashNext[previous] = hashNext[b];
                    }
                    else
                    {
                        previous = b;
                    }
                }

                wflg++;
            }
        }
    }

    private bool AllMarked(int b)
    {
        for (int q = pe[b] + 1, stop = pe[b] + len[b]; q < stop; q++)
        {
            if (w[iw[q]] != wflg) return false;
        }

        return true;
    }

    /// <summary>Restores the weights of Lme's remaining principal variables, files them by degree and compacts Lme.</summary>
    private void FinishElement(int me, int start, int end, int elementWeight, int pivotWeight)
    {
        int remaining = variableCount - eliminated;
        int dst = start;
        for (int p = start; p < end; p++)
        {
            int i = iw[p];
            int weightOfI = -nv[i];
            if (weightOfI <= 0) continue;
            nv[i] = weightOfI;
            int bound = Math.Min(degree[i] + elementWeight - weightOfI, remaining - weightOfI);
            InsertByDegree(i, bound);
            iw[dst++] = i;
        }

        nv[me] = pivotWeight;
        len[me] = dst - start;
        if (end == freeStart) freeStart = dst;
        if (len[me] == 0) Absorb(me, -1); // nothing left to connect: the element is a root of the assembly tree
    }

    private void Absorb(int e, int into)
    {
        w[e] = 0;
        len[e] = 0;
        pe[e] = -1;
        assemblyParent[e] = into;
    }

    /// <summary>Takes a variable out of the graph for good (merged, mass-eliminated).</summary>
    private void Remove(int i)
    {
        elen[i] = IsGone;
        len[i] = 0;
        pe[i] = -1;
    }

    private void AppendToSequence(int principal)
    {
        for (int v = principal; v >= 0; v = chainNext[v])
        {
            eliminationSequence[sequenced++] = v;
        }
    }

    /// <summary>
    /// Makes room for the new element's list at the end of the workspace: it can hold no more entries than the
    /// absorbed lists together, nor more than the variables still uneliminated.
    /// </summary>
    private void EnsureFreeSpace(int me, int elementCount)
    {
        long bound = len[me] - elementCount;
        for (int k = 0; k < elementCount; k++)
        {
            bound += len[iw[pe[me] + k]];
        }

        int needed = (int)Math.Min(bound, variableCount - eliminated);
        if (iw.Length - freeStart >= needed) return;
        CompactWorkspace();
        if (iw.Length - freeStart < needed) Array.Resize(ref iw, freeStart + needed + n);
    }

    /// <summary>
    /// Moves all live lists to the start of the workspace. Each list's first entry is parked in pe[] and replaced by a
    /// negative tag naming its owner, so one left-to-right sweep can recognise list starts among stale entries
    /// (which are all non-negative node numbers).
    /// </summary>
    private void CompactWorkspace()
    {
        for (int i = 0; i < n; i++)
        {
            if (len[i] == 0) continue;
            int p = pe[i];
            pe[i] = iw[p];
            iw[p] = -(i + 1);
        }

        int dst = 0;
        for (int src = 0; src < freeStart;)
        {
            int tag = iw[src];
            if (tag >= 0)
            {
                src++;
                continue;
            }

            int owner = -tag - 1;
            int length = len[owner];
            iw[dst] = pe[owner];
            pe[owner] = dst;
            Array.Copy(iw, src + 1, iw, dst + 1, length - 1);
            dst += length;
            src += length;
        }

        freeStart = dst;
    }

    private void ResetMarksIfNearOverflow()
    {
        // One elimination step raises wflg by at most 2n + 2 and marks reach at most wflg + n.
        if (wflg < int.MaxValue - 4 * (n + 1)) return;
        for (int x = 0; x < n; x++)
        {
            if (w[x] != 0) w[x] = 1;
        }

        wflg = 2;
    }

    private int PopMinimumDegree()
    {
        while (degreeHead[minimumDegree] < 0) minimumDegree++;
        int me = degreeHead[minimumDegree];
        RemoveFromDegreeList(me);
        return me;
    }

    private void InsertByDegree(int i, int d)
    {
        degree[i] = d;
        int head = degreeHead[d];
        degreeNext[i] = head;
        degreePrev[i] = -1;
        if (head >= 0) degreePrev[head] = i;
        degreeHead[d] = i;
        if (d < minimumDegree) minimumDegree = d;
    }

    private void RemoveFromDegreeList(int i)
    {
        int next = degreeNext[i], previous = degreePrev[i];
        if (next >= 0) degreePrev[next] = previous;
        if (previous >= 0) degreeNext[previous] = next;
        else degreeHead[degree[i]] = next;
    }
}
