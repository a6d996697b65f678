namespace CircuitSim.Output;

/// <summary>
/// Base of the file writers: data go to a temporary file in the target directory
/// (<c>.name.pid.random.tmp</c>), which is renamed to the final path on <c>Complete</c>
/// (also on a partial completion) and deleted on <c>Abort</c>. An existing file at the final
/// path is replaced.
/// </summary>
public abstract class FileWaveformWriter : WaveformWriter
{
    private FileStream? _stream;

    protected FileWaveformWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FinalPath = Path.GetFullPath(path);
        TempPath = AtomicFile.TemporaryPath(FinalPath);
    }

    /// <summary>Where the file ends up after <c>Complete</c>.</summary>
    public string FinalPath { get; }

    /// <summary>The temporary file written while streaming.</summary>
    public string TempPath { get; }

    /// <summary>The open temporary file (after the first <c>Begin</c>).</summary>
    protected FileStream Stream => _stream ?? throw new InvalidOperationException("The file is not open.");

    protected void OpenTempFile()
    {
        if (_stream is not null) return;
        var dir = Path.GetDirectoryName(TempPath);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
    }

    /// <summary>Flushes the data (<see cref="FlushData"/>), closes the temporary file and renames it.</summary>
    protected sealed override void OnComplete(bool partial)
    {
        try
        {
            FlushData();
            _stream?.Flush(flushToDisk: false);
        }
        finally
        {
            _stream?.Dispose();
        }
        bool opened = _stream is not null;
        _stream = null;
        if (opened) File.Move(TempPath, FinalPath, overwrite: true);
    }

    protected sealed override void OnAbort()
    {
        try { _stream?.Dispose(); }
        catch (IOException) { }
        _stream = null;
        try { if (File.Exists(TempPath)) File.Delete(TempPath); }
        catch (IOException) { }
    }

    /// <summary>Writes buffered data and patches headers before the file is closed.</summary>
    protected virtual void FlushData() { }
}
