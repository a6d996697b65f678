using System.Xml.Linq;

namespace CircuitSim.Cli.Tests;

/// <summary>Checks that a chart file is a decodable image (what was drawn is tested through the chart models).</summary>
internal static class ChartFiles
{
    /// <summary>The file is a PNG with a non-empty IHDR size.</summary>
    public static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var png = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        Assert.True(width > 100 && height > 100, $"{path} is {width}×{height}");
    }

    /// <summary>The file is well-formed XML with an svg root.</summary>
    public static void AssertSvg(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        Assert.Equal("svg", XDocument.Load(path).Root!.Name.LocalName);
    }
}
