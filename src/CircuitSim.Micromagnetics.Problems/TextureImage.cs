using CircuitSim.Magnetics.Micromagnetics;

namespace CircuitSim.Micromagnetics.Problems;

/// <summary>
/// A picture of a texture: m_z as a blue–white–red heat map (−1 blue, 0 white, +1 red) with black arrows of the in-plane
/// component on a coarser lattice; cells outside the magnet are grey. y points up. Kept apart from the physics and the
/// runner so the drawing can move to a charting library without touching either.
/// </summary>
public static class TextureImage
{
    /// <summary>PNG bytes of the texture, each cell drawn as a square of about <paramref name="pixelsPerCell"/> pixels.</summary>
    public static byte[] Png(Magnet magnet, ReadOnlySpan<double> m, int pixelsPerCell = 0)
    {
        int nx = magnet.Nx, ny = magnet.Ny;
        int p = pixelsPerCell > 0 ? pixelsPerCell : Math.Clamp(768 / Math.Max(nx, ny), 1, 16);
        double aspect = magnet.Grid.Dy / magnet.Grid.Dx;
        int px = p, py = Math.Max(1, (int)Math.Round(p * aspect));
        int width = nx * px, height = ny * py;
        var rgb = new byte[3 * width * height];
        for (int iy = 0; iy < ny; iy++)
            for (int ix = 0; ix < nx; ix++)
            {
                int c = ix + nx * iy;
                (byte r, byte g, byte b) = magnet.Contains(c) ? HeatColour(m[3 * c + 2]) : ((byte)160, (byte)160, (byte)160);
                for (int y = 0; y < py; y++)
                {
                    int row = height - 1 - (iy * py + y);
                    for (int x = 0; x < px; x++)
                    {
                        int o = 3 * (row * width + ix * px + x);
                        rgb[o] = r;
                        rgb[o + 1] = g;
                        rgb[o + 2] = b;
                    }
                }
            }
        DrawArrows(magnet, m, rgb, width, height, px, py);
        return PngEncoder.Encode(width, height, rgb);
    }

    private static (byte, byte, byte) HeatColour(double mz)
    {
        double v = Math.Clamp(mz, -1, 1);
        byte fade = (byte)Math.Round(255 * (1 - Math.Abs(v)));
        return v >= 0 ? ((byte)255, fade, fade) : (fade, fade, (byte)255);
    }

    /// <summary>One arrow per block of cells about 24 pixels across, length ∝ the block's mean in-plane m.</summary>
    private static void DrawArrows(Magnet magnet, ReadOnlySpan<double> m, byte[] rgb, int width, int height, int px, int py)
    {
        int bx = Math.Max(1, 24 / px), by = Math.Max(1, 24 / py);
        for (int y0 = 0; y0 < magnet.Ny; y0 += by)
            for (int x0 = 0; x0 < magnet.Nx; x0 += bx)
            {
                double sx = 0, sy = 0;
                int n = 0;
                for (int iy = y0; iy < Math.Min(magnet.Ny, y0 + by); iy++)
                    for (int ix = x0; ix < Math.Min(magnet.Nx, x0 + bx); ix++)
                    {
                        int c = ix + magnet.Nx * iy;
                        if (!magnet.Contains(c)) continue;
                        sx += m[3 * c];
                        sy += m[3 * c + 1];
                        n++;
                    }
                if (n == 0) continue;
                sx /= n;
                sy /= n;
                double cxp = (x0 + 0.5 * Math.Min(bx, magnet.Nx - x0)) * px;
                double cyp = (y0 + 0.5 * Math.Min(by, magnet.Ny - y0)) * py;
                double half = 0.4 * Math.Min(bx * px, by * py);
                double ex = cxp + half * sx, ey = cyp + half * sy, tx = cxp - half * sx, ty = cyp - half * sy;
                Line(rgb, width, height, tx, ty, ex, ey);
                // head: two short strokes back from the tip at ±30°
                double len = Math.Sqrt(sx * sx + sy * sy);
                if (len < 1e-3) continue;
                double ux = sx / len, uy = sy / len, h = 0.35 * half * len;
                Line(rgb, width, height, ex, ey, ex - h * (0.866 * ux - 0.5 * uy), ey - h * (0.5 * ux + 0.866 * uy));
                Line(rgb, width, height, ex, ey, ex - h * (0.866 * ux + 0.5 * uy), ey - h * (-0.5 * ux + 0.866 * uy));
            }
    }

    /// <summary>A black line between two points in y-up pixel coordinates.</summary>
    private static void Line(byte[] rgb, int width, int height, double x0, double y0, double x1, double y1)
    {
        int steps = (int)Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0))) + 1;
        for (int s = 0; s <= steps; s++)
        {
            double f = (double)s / steps;
            int x = (int)(x0 + f * (x1 - x0)), y = height - 1 - (int)(y0 + f * (y1 - y0));
            if (x < 0 || y < 0 || x >= width || y >= height) continue;
            int o = 3 * (y * width + x);
            rgb[o] = rgb[o + 1] = rgb[o + 2] = 0;
        }
    }
}
