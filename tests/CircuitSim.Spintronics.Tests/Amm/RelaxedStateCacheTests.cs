using CircuitSim.Spintronics.Amm;

namespace CircuitSim.Spintronics.Tests.Amm;

/// <summary>The relaxed-state cache: a repeated run skips the relaxation; a bad file is ignored and rebuilt.</summary>
public sealed class RelaxedStateCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"amm-cache-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static AmmModel Model() => new("py") { CellCount = 32, RelaxDuration1 = 1e-9, RelaxDuration2 = 1e-9, RelaxDuration3 = 1e-9 };

    [Fact]
    public void SecondPreparation_LoadsTheRelaxedStateFromDisk()
    {
        var ring = new AmmRing("y1", "a", "0", "py") { State = "2dw" };
        var first = ring.Prepare(Model(), new RelaxedStateCache(_directory));
        Assert.False(first.FromCache);
        Assert.True(first.RelaxationSeconds > 0);
        Assert.Single(Directory.GetFiles(_directory, "*.bin"));

        RelaxedStateCache.ClearMemory(); // a new process would only have the file
        var second = ring.Prepare(Model(), new RelaxedStateCache(_directory));
        Assert.True(second.FromCache);
        Assert.Equal(first.Texture, second.Texture); // bit for bit
    }

    [Fact]
    public void AnotherParameter_IsAnotherKey()
    {
        var cache = new RelaxedStateCache(_directory);
        new AmmRing("y1", "a", "0", "py") { State = "2dw" }.Prepare(Model(), cache);
        var other = Model();
        other.ExchangeStiffness = 12e-12;
        var prepared = new AmmRing("y1", "a", "0", "py") { State = "2dw" }.Prepare(other, cache);
        Assert.False(prepared.FromCache);
        Assert.Equal(2, Directory.GetFiles(_directory, "*.bin").Length);
        var wider = new AmmRing("y1", "a", "0", "py") { State = "2dw", CellCount = 48 }.Prepare(Model(), cache);
        Assert.False(wider.FromCache); // N is part of the key
    }

    [Fact]
    public void CorruptFile_IsIgnoredAndRebuilt()
    {
        var ring = new AmmRing("y1", "a", "0", "py") { State = "2dw" };
        var first = ring.Prepare(Model(), new RelaxedStateCache(_directory));
        var file = Assert.Single(Directory.GetFiles(_directory, "*.bin"));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5a; // one flipped byte in the middle of the texture
        File.WriteAllBytes(file, bytes);

        RelaxedStateCache.ClearMemory();
        var again = ring.Prepare(Model(), new RelaxedStateCache(_directory));
        Assert.False(again.FromCache);
        Assert.Equal(first.Texture, again.Texture); // the relaxation is deterministic
        RelaxedStateCache.ClearMemory();
        Assert.True(ring.Prepare(Model(), new RelaxedStateCache(_directory)).FromCache); // and the file was rewritten
    }

    [Fact]
    public void TruncatedOrForeignFile_IsIgnored()
    {
        var cache = new RelaxedStateCache(_directory);
        cache.Store("key A", new double[] { 1, 2, 3 });
        RelaxedStateCache.ClearMemory();
        Assert.Equal(new double[] { 1, 2, 3 }, cache.TryLoad("key A", 3));
        RelaxedStateCache.ClearMemory();
        Assert.Null(cache.TryLoad("key A", 6)); // another N
        var path = cache.PathFor("key A");
        File.Copy(path, cache.PathFor("key B"));
        Assert.Null(cache.TryLoad("key B", 3)); // the file names another key (a hash collision or a stale copy)
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..20]);
        Assert.Null(cache.TryLoad("key A", 3));
    }

    [Fact]
    public void CacheOff_RelaxesEveryTime()
    {
        var ring = new AmmRing("y1", "a", "0", "py") { State = "vortex", UseCache = false };
        Assert.False(ring.Prepare(Model()).FromCache);
        Assert.False(ring.Prepare(Model()).FromCache);
    }
}
