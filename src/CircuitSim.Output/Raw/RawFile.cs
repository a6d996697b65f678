using System.Numerics;

namespace CircuitSim.Output;

/// <summary>Whole-file convenience methods for SPICE3 raw files.</summary>
public static class RawFile
{
    /// <summary>Writes one plot (binary by default).</summary>
    public static void Write(string path, WaveformSet plot, RawEncoding encoding = RawEncoding.Binary) =>
        Write(path, [plot], encoding);

    /// <summary>Writes several plots into one file, one after the other (as ngspice does).</summary>
    public static void Write(string path, IEnumerable<WaveformSet> plots, RawEncoding encoding = RawEncoding.Binary)
    {
        using var w = new RawFileWriter(path, encoding);
        bool any = false;
        foreach (var p in plots)
        {
            WritePlot(w, p);
            any = true;
        }
        if (!any) throw new ArgumentException("No plot to write.", nameof(plots));
        w.Complete();
    }

    /// <summary>Streams a whole <see cref="WaveformSet"/> into any writer (Begin + points, no Complete).</summary>
    public static void WritePlot(IWaveformWriter writer, WaveformSet plot)
    {
        plot.Validate();
        var header = plot.ToHeader();
        writer.Begin(header);
        int n = plot.Vectors.Count;
        if (header.IsComplex)
        {
            var buf = new Complex[n];
            for (int p = 0; p < plot.PointCount; p++)
            {
                for (int i = 0; i < n; i++) buf[i] = plot.Vectors[i][p];
                writer.WritePoint(buf);
            }
        }
        else
        {
            var buf = new double[n];
            for (int p = 0; p < plot.PointCount; p++)
            {
                for (int i = 0; i < n; i++) buf[i] = plot.Vectors[i].Real![p];
                writer.WritePoint(buf);
            }
        }
    }

    /// <summary>Reads all plots of a raw file (binary or ascii).</summary>
    public static IReadOnlyList<WaveformSet> Read(string path) => RawFileReader.Read(path);

    /// <summary>Reads the first plot of a raw file.</summary>
    public static WaveformSet ReadFirst(string path) => RawFileReader.Read(path)[0];
}
