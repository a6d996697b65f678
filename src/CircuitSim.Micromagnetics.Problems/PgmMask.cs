using System.Globalization;
using System.Text;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// Reads a geometry mask from a PGM image (Netpbm P2 text or P5 binary, 8 or 16 bit): one pixel per cell, the image's
/// width and height equal to nx and ny, the top row of the image being the grid's last row (y up). A pixel brighter
/// than threshold·maxval is inside the magnet.
/// </summary>
public static class PgmMask
{
    public static bool[] Read(string path, int nx, int ny, double threshold)
    {
        if (!File.Exists(path)) throw new ProblemException($"mask image not found: {path}");
        byte[] bytes;
        try
        {
            // a mask is at most 16384² 16-bit pixels as text; only a regular file (not /dev/zero or a pipe)
            bytes = CircuitSim.Core.Files.InputFile.ReadAllBytes(path, "mask image");
        }
        catch (CircuitSim.Core.Files.InputFileException e)
        {
            throw new ProblemException(e.Message);
        }
        int pos = 0;
        string magic = Token(bytes, ref pos);
        if (magic != "P2" && magic != "P5") throw new ProblemException($"{path}: not a PGM image (expected P2 or P5, found '{magic}'); convert PNG masks with e.g. 'convert mask.png mask.pgm'");
        int width = Int(bytes, ref pos, path), height = Int(bytes, ref pos, path), max = Int(bytes, ref pos, path);
        if (width != nx || height != ny) throw new ProblemException($"{path}: the mask is {width}×{height} pixels but the mesh has {nx}×{ny} cells");
        if (max < 1 || max > 65535) throw new ProblemException($"{path}: maxval {max} is outside 1–65535");
        var values = new int[width * height];
        if (magic == "P2")
        {
            for (int i = 0; i < values.Length; i++) values[i] = Int(bytes, ref pos, path);
        }
        else
        {
            pos++; // the single whitespace after maxval
            int size = max < 256 ? 1 : 2;
            if (bytes.Length - pos < values.Length * size) throw new ProblemException($"{path}: the pixel data is shorter than {width}×{height}");
            for (int i = 0; i < values.Length; i++)
                values[i] = size == 1 ? bytes[pos + i] : (bytes[pos + 2 * i] << 8) | bytes[pos + 2 * i + 1];
        }
        var mask = new bool[nx * ny];
        for (int row = 0; row < height; row++)
            for (int col = 0; col < width; col++)
                mask[col + nx * (ny - 1 - row)] = values[col + width * row] > threshold * max;
        return mask;
    }

    private static string Token(byte[] b, ref int pos)
    {
        while (pos < b.Length)
        {
            if (b[pos] == '#') { while (pos < b.Length && b[pos] != '\n') pos++; }
            else if (char.IsWhiteSpace((char)b[pos])) pos++;
            else break;
        }
        int start = pos;
        while (pos < b.Length && !char.IsWhiteSpace((char)b[pos]) && b[pos] != '#') pos++;
        return Encoding.ASCII.GetString(b, start, pos - start);
    }

    private static int Int(byte[] b, ref int pos, string path)
    {
        string t = Token(b, ref pos);
        return int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : throw new ProblemException($"{path}: expected a number in the PGM header or data, found '{t}'");
    }
}
