using ILGPU;

namespace CircuitSim.Magnetics.Micromagnetics.Gpu;

/// <summary>Scalars the cell kernel needs (SI units as in the managed terms; flags are 0 or 1).</summary>
public struct CellParameters
{
    public int Nx, Ny, Px, HasDemag, HasExtraField, HasZhangLi, HasSlonczewski;
    public double Dx, Dy, Mu0;
    public double ExchangeStiffness;
    public double AnisotropyConstant, AxisX, AxisY, AxisZ;
    public double BulkDmi, InterfacialDmi;
    public double FieldX, FieldY, FieldZ;
    public double Gamma0, Alpha, Precession;
    public double ZhangLiScale, Xi;
    public double SlonczewskiScale, PolarizerX, PolarizerY, PolarizerZ, FieldLikeRatio;
}

/// <summary>
/// The ILGPU kernels of <see cref="GpuMicromagneticSystem"/>. Every kernel is a grid-stride loop over its elements
/// (work item i does i, i + w, i + 2w, … for w launched items), which keeps ILGPU's CPU accelerator efficient and suits
/// a GPU as well. The arithmetic of each element is that of the managed terms, so the two paths agree to rounding.
/// </summary>
internal static class GpuKernels
{
    /// <summary>M = Ms m into the padded arrays (row-major Px × Py), zero elsewhere.</summary>
    public static void Load(Index1D index, ArrayView<double> m, ArrayView<double> ms, ArrayView<double> aRe, ArrayView<double> aIm,
        ArrayView<double> bRe, ArrayView<double> bIm, int nx, int ny, int px, int total, int workItems)
    {
        for (int p = index; p < total; p += workItems)
        {
            int x = p % px, y = p / px;
            double vx = 0, vy = 0, vz = 0;
            if (x < nx && y < ny)
            {
                int c = x + nx * y;
                double s = ms[c];
                if (s > 0)
                {
                    vx = s * m[3 * c];
                    vy = s * m[3 * c + 1];
                    vz = s * m[3 * c + 2];
                }
            }
            aRe[p] = vx;
            aIm[p] = vy;
            bRe[p] = vz;
            bIm[p] = 0;
        }
    }

    /// <summary>Bit-reversal permutation of <paramref name="batches"/> sequences of length n (both arrays A and B).</summary>
    public static void BitReverse(Index1D index, ArrayView<double> aRe, ArrayView<double> aIm, ArrayView<double> bRe, ArrayView<double> bIm,
        ArrayView<int> reverse, int n, int elementStride, int batchStride, int batches, int workItems)
    {
        int total = n * batches;
        for (int w = index; w < total; w += workItems)
        {
            int b = w / n, i = w % n, j = reverse[i];
            if (j <= i) continue;
            int p = b * batchStride + i * elementStride, q = b * batchStride + j * elementStride;
            double t = aRe[p]; aRe[p] = aRe[q]; aRe[q] = t;
            t = aIm[p]; aIm[p] = aIm[q]; aIm[q] = t;
            t = bRe[p]; bRe[p] = bRe[q]; bRe[q] = t;
            t = bIm[p]; bIm[p] = bIm[q]; bIm[q] = t;
        }
    }

    /// <summary>One radix-2 stage (butterflies of span <paramref name="size"/>) of batched transforms of A and B.</summary>
    public static void Butterfly(Index1D index, ArrayView<double> aRe, ArrayView<double> aIm, ArrayView<double> bRe, ArrayView<double> bIm,
        ArrayView<double> cos, ArrayView<double> sin, int n, int size, int elementStride, int batchStride, int batches, double sign, int workItems)
    {
        int halfN = n / 2, half = size / 2, stride = n / size, total = halfN * batches;
        for (int w = index; w < total; w += workItems)
        {
            int b = w / halfN, j = w % halfN, group = j / half, k = j % half;
            int a = b * batchStride + (group * size + k) * elementStride, c = a + half * elementStride;
            double wr = cos[k * stride], wi = sign * sin[k * stride];
            double tr = wr * aRe[c] - wi * aIm[c];
            double ti = wr * aIm[c] + wi * aRe[c];
            aRe[c] = aRe[a] - tr;
            aIm[c] = aIm[a] - ti;
            aRe[a] += tr;
            aIm[a] += ti;
            tr = wr * bRe[c] - wi * bIm[c];
            ti = wr * bIm[c] + wi * bRe[c];
            bRe[c] = bRe[a] - tr;
            bIm[c] = bIm[a] - ti;
            bRe[a] += tr;
            bIm[a] += ti;
        }
    }

    /// <summary>Spectral products, each (q, −q) pair by the item of the smaller index (see the managed DemagField).</summary>
    public static void Multiply(Index1D index, ArrayView<double> aRe, ArrayView<double> aIm, ArrayView<double> bRe, ArrayView<double> bIm,
        ArrayView<double> sum, ArrayView<double> dif, ArrayView<double> cross, ArrayView<double> zz, int px, int py, int workItems)
    {
        int total = px * py;
        for (int p = index; p < total; p += workItems)
        {
            int qx = p % px, qy = p / px;
            int mx = (px - qx) % px, my = (py - qy) % py, m = mx + px * my;
            if (m < p) continue;
            double zr = aRe[p], zi = aIm[p], wr = aRe[m], wi = aIm[m];
            double s = sum[p], d = dif[p], x = cross[p];
            aRe[p] = s * zr + d * wr + x * wi;
            aIm[p] = s * zi - d * wi + x * wr;
            bRe[p] *= zz[p];
            bIm[p] *= zz[p];
            if (m == p) continue;
            aRe[m] = s * wr + d * zr + x * zi;
            aIm[m] = s * wi - d * zi + x * zr;
            bRe[m] *= zz[m];
            bIm[m] *= zz[m];
        }
    }

    /// <summary>Per cell: H_eff (demag, exchange, anisotropy, DMI, Zeeman, extra), F with the spin torques, ṁ.</summary>
    public static void Cell(Index1D index, CellParameters q, ArrayView<double> m, ArrayView<double> ms, ArrayView<double> aRe, ArrayView<double> aIm,
        ArrayView<double> bRe, ArrayView<double> extra, ArrayView<double> j, ArrayView<double> zlB, ArrayView<double> stA, ArrayView<double> dm, int workItems)
    {
        int nx = q.Nx, ny = q.Ny, n = nx * ny;
        for (int c = index; c < n; c += workItems)
        {
            int k = 3 * c;
            double s = ms[c];
            if (s <= 0)
            {
                dm[k] = 0; dm[k + 1] = 0; dm[k + 2] = 0;
                continue;
            }
            int ix = c % nx, iy = c / nx;
            double mx = m[k], my = m[k + 1], mz = m[k + 2];
            double hx = 0, hy = 0, hz = 0;
            if (q.HasDemag != 0)
            {
                int p = ix + q.Px * iy;
                hx = aRe[p]; hy = aIm[p]; hz = bRe[p];
            }
            bool left = ix > 0 && ms[c - 1] > 0, right = ix + 1 < nx && ms[c + 1] > 0;
            bool down = iy > 0 && ms[c - nx] > 0, up = iy + 1 < ny && ms[c + nx] > 0;
            int kl = k - 3, kr = k + 3, kd = k - 3 * nx, ku = k + 3 * nx;
            // exchange (Neumann at free surfaces)
            double cx = 2.0 * q.ExchangeStiffness / (q.Mu0 * s * q.Dx * q.Dx), cy = 2.0 * q.ExchangeStiffness / (q.Mu0 * s * q.Dy * q.Dy);
            double ex = 0, ey = 0, ez = 0;
            if (left) { ex += cx * (m[kl] - mx); ey += cx * (m[kl + 1] - my); ez += cx * (m[kl + 2] - mz); }
            if (right) { ex += cx * (m[kr] - mx); ey += cx * (m[kr + 1] - my); ez += cx * (m[kr + 2] - mz); }
            if (down) { ex += cy * (m[kd] - mx); ey += cy * (m[kd + 1] - my); ez += cy * (m[kd + 2] - mz); }
            if (up) { ex += cy * (m[ku] - mx); ey += cy * (m[ku + 1] - my); ez += cy * (m[ku + 2] - mz); }
            hx += ex; hy += ey; hz += ez;
            // uniaxial anisotropy
            if (q.AnisotropyConstant != 0)
            {
                double ca = 2.0 * q.AnisotropyConstant / (q.Mu0 * s);
                double pr = ca * (mx * q.AxisX + my * q.AxisY + mz * q.AxisZ);
                hx += pr * q.AxisX; hy += pr * q.AxisY; hz += pr * q.AxisZ;
            }
            // DMI on links: s = m_left − m_right, t = m_down − m_up; H += c (s × a_x) + c (t × a_y)
            if (q.BulkDmi != 0 || q.InterfacialDmi != 0)
            {
                double sx = 0, sy = 0, sz = 0, tx = 0, ty = 0, tz = 0;
                if (left) { sx += m[kl]; sy += m[kl + 1]; sz += m[kl + 2]; }
                if (right) { sx -= m[kr]; sy -= m[kr + 1]; sz -= m[kr + 2]; }
                if (down) { tx += m[kd]; ty += m[kd + 1]; tz += m[kd + 2]; }
                if (up) { tx -= m[ku]; ty -= m[ku + 1]; tz -= m[ku + 2]; }
                if (q.BulkDmi != 0)
                {
                    // a_x = −x̂, a_y = −ŷ
                    double bx = q.BulkDmi / (q.Mu0 * s * q.Dx), by = q.BulkDmi / (q.Mu0 * s * q.Dy);
                    hx += by * tz; hy += -bx * sz; hz += bx * sy - by * tx;
                }
                if (q.InterfacialDmi != 0)
                {
                    // a_x = ŷ, a_y = −x̂
                    double ix2 = q.InterfacialDmi / (q.Mu0 * s * q.Dx), iy2 = q.InterfacialDmi / (q.Mu0 * s * q.Dy);
                    hx += -ix2 * sz; hy += -iy2 * tz; hz += ix2 * sx + iy2 * ty;
                }
            }
            hx += q.FieldX; hy += q.FieldY; hz += q.FieldZ;
            if (q.HasExtraField != 0) { hx += extra[k]; hy += extra[k + 1]; hz += extra[k + 2]; }
            double g = q.Gamma0;
            double fx = -g * (my * hz - mz * hy), fy = -g * (mz * hx - mx * hz), fz = -g * (mx * hy - my * hx);
            if (q.HasZhangLi != 0 && q.ZhangLiScale != 0)
            {
                double ux = q.ZhangLiScale * zlB[c] * j[2 * c], uy = q.ZhangLiScale * zlB[c] * j[2 * c + 1];
                if (ux != 0 || uy != 0)
                {
                    int kxp = right ? kr : k, kxm = left ? kl : k, kyp = up ? ku : k, kym = down ? kd : k;
                    double ax = ux * (0.5 / q.Dx), ay = uy * (0.5 / q.Dy);
                    double gx = ax * (m[kxp] - m[kxm]) + ay * (m[kyp] - m[kym]);
                    double gy = ax * (m[kxp + 1] - m[kxm + 1]) + ay * (m[kyp + 1] - m[kym + 1]);
                    double gz = ax * (m[kxp + 2] - m[kxm + 2]) + ay * (m[kyp + 2] - m[kym + 2]);
                    double px = my * gz - mz * gy, py = mz * gx - mx * gz, pz = mx * gy - my * gx;
                    fx += my * pz - mz * py + q.Xi * px;
                    fy += mz * px - mx * pz + q.Xi * py;
                    fz += mx * py - my * px + q.Xi * pz;
                }
            }
            if (q.HasSlonczewski != 0 && q.SlonczewskiScale != 0)
            {
                double a = q.SlonczewskiScale * stA[c];
                if (a != 0)
                {
                    double rx = my * q.PolarizerZ - mz * q.PolarizerY, ry = mz * q.PolarizerX - mx * q.PolarizerZ, rz = mx * q.PolarizerY - my * q.PolarizerX;
                    fx -= a * ((my * rz - mz * ry) + q.FieldLikeRatio * rx);
                    fy -= a * ((mz * rx - mx * rz) + q.FieldLikeRatio * ry);
                    fz -= a * ((mx * ry - my * rx) + q.FieldLikeRatio * rz);
                }
            }
            double alpha = q.Alpha, inv = 1.0 / (1.0 + alpha * alpha), pre = q.Precession;
            dm[k] = inv * (pre * fx + alpha * (my * fz - mz * fy));
            dm[k + 1] = inv * (pre * fy + alpha * (mz * fx - mx * fz));
            dm[k + 2] = inv * (pre * fz + alpha * (mx * fy - my * fx));
        }
    }
}
