namespace CircuitSim.Core.Expressions;

/// <summary>
/// The random streams of one Monte Carlo run while a netlist is read: each value being evaluated (an element's
/// parameter, a <c>.param</c> definition) is a site, entered by name, and the statistical functions it calls take
/// draws 0, 1, 2… of that site (<see cref="VariationRandom"/>). A site entered again starts again at draw 0, so a value
/// evaluated twice gives the same number, and a site's numbers do not depend on what was evaluated before it.
/// </summary>
public sealed class VariationSites
{
    /// <summary>The seed when neither <c>.options seed=</c> nor <c>--seed</c> gives one.</summary>
    public const ulong DefaultSeed = 1;

    private readonly Stack<Site> _sites = new();

    public VariationSites(ulong seed, long run)
    {
        Seed = seed;
        Run = run;
        _sites.Push(new Site(this, ""));
    }

    public ulong Seed { get; }

    /// <summary>The run index (0 outside a Monte Carlo run).</summary>
    public long Run { get; }

    /// <summary>The draws of the site being evaluated.</summary>
    public IVariationDraws Current => _sites.Peek();

    /// <summary>The innermost site's name.</summary>
    public string CurrentName => _sites.Peek().Name;

    /// <summary>Enters a site until the returned scope is disposed.</summary>
    public IDisposable Enter(string name)
    {
        var site = new Site(this, name);
        _sites.Push(site);
        return site;
    }

    private sealed class Site : IVariationDraws, IDisposable
    {
        private readonly VariationSites _owner;
        // hashed at the first draw: most sites (every element's value) draw nothing
        private ulong? _hash;
        private int _draw;

        public Site(VariationSites owner, string name)
        {
            _owner = owner;
            Name = name;
        }

        public string Name { get; }

        private ulong Hash => _hash ??= VariationRandom.SiteHash(Name);

        public double NextGaussian() => VariationRandom.Gaussian(_owner.Seed, _owner.Run, Hash, _draw++);

        public double NextSymmetricUniform() => VariationRandom.SymmetricUniform(_owner.Seed, _owner.Run, Hash, _draw++);

        public void Dispose()
        {
            if (_owner._sites.Count > 1 && ReferenceEquals(_owner._sites.Peek(), this)) _owner._sites.Pop();
        }
    }
}
