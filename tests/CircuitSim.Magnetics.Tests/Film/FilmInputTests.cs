using CircuitSim.Magnetics;
using CircuitSim.Magnetics.Film;

namespace CircuitSim.Magnetics.Tests.Film;

/// <summary>Electrode layouts, texture files and bad input: each failure names what is wrong.</summary>
public class FilmInputTests
{
    private static readonly Grid2D Grid = new(8, 6, 5e-9, 5e-9, 1e-9);
    private static readonly AmrConductivity Amr = AmrConductivity.FromAmrRatio(2e-7, 1.5);

    [Fact]
    public void SidesPreset_PutsOneCentredContactOnEachSideInCyclicOrder()
    {
        var layout = FilmElectrodeLayout.Parse("sides:0.2");
        Assert.Equal(new[] { FilmSide.Left, FilmSide.Bottom, FilmSide.Right, FilmSide.Top }, layout.Select(e => e.Side));
        Assert.All(layout, e => { Assert.Equal(0.5, e.Center); Assert.Equal(0.2, e.Width); });
    }

    [Fact]
    public void ExplicitLayout_ReadsSideCentreAndWidth_WithDefaultsForTheWholeSide()
    {
        var layout = FilmElectrodeLayout.Parse("left:0.25:0.2, top/right:0.75:0.5");
        Assert.Equal(new FilmElectrode(FilmSide.Left, 0.25, 0.2), layout[0]);
        Assert.Equal(new FilmElectrode(FilmSide.Top, 0.5, 1.0), layout[1]);
        Assert.Equal(new FilmElectrode(FilmSide.Right, 0.75, 0.5), layout[2]);
    }

    [Theory]
    [InlineData("left:0.9:0.4", "reaches off the film")]
    [InlineData("middle:0.5:0.2", "unknown side 'middle'")]
    [InlineData("left:half", "is not a number")]
    [InlineData("left:0.5:0", "must be positive")]
    [InlineData("", "empty electrode layout")]
    public void BadLayout_IsRejectedWithAClearMessage(string spec, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => FilmElectrodeLayout.Parse(spec));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void OverlappingContacts_AreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new FilmConduction(Grid, Amr, FilmElectrodeLayout.Parse("left:0.3:0.5 left:0.6:0.5")));
        Assert.Contains("overlap", e.Message);
    }

    [Fact]
    public void ContactBetweenTwoNodes_IsRejectedAsCoveringNoNode()
    {
        // nodes on the left side sit at multiples of 1/6 of its length; a contact 0.05 wide centred at 0.25 holds none
        var e = Assert.Throws<ArgumentException>(() => new FilmConduction(Grid, Amr, FilmElectrodeLayout.Parse("left:0.25:0.05 right")));
        Assert.Contains("covers no grid node", e.Message);
    }

    [Fact]
    public void BlochSpiral_HasTheChiralityItIsAskedFor()
    {
        var grid = new Grid2D(40, 2, 1e-9, 1e-9, 1e-9);
        var dmi = new GridBulkDmiField(grid, 1e-3, 6e5);
        // m·(∇×m) = chirality·2π/λ, energy density D m·(∇×m): chirality −1 lowers the energy for D > 0
        Assert.True(dmi.Energy(FilmTextures.BlochSpiral(grid, 20e-9, 0, -1)) < 0);
        Assert.True(dmi.Energy(FilmTextures.BlochSpiral(grid, 20e-9, 0, +1)) > 0);
    }
}
