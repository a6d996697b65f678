using System.Diagnostics;

namespace CircuitSim.Output;

/// <summary>
/// Base of the file writers: data go to a temporary file in the target directory
/// (<c>.name.pid.random.tmp</c>), which is renamed to the final path on <c>Complete</c>
/// (also on a partial completion) and deleted on <c>Abort</c>. An existing file at the final
/// path is replaced.
/// <para>
/// The file receives whole points only (<see cref="RecordBuffer"/>) and is brought up to date at least every
/// <see cref="CheckpointInterval"/> (points handed to the operating system, headers patched): a run killed without
/// warning leaves a temporary file that loads, with the points up to the last checkpoint.
/// </para>
/// </summary>
public abstract class FileWaveformWriter : WaveformWriter
{
    private RecordBuffer? _stream;
    private long _nextCheckpoint;
    private long _checkpointTicks;

    protected FileWaveformWriter(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FinalPath = Path.GetFullPath(path);
        TempPath = AtomicFile.TemporaryPath(FinalPath);
        CheckpointInterval = TimeSpan.FromSeconds(1);
    }

    /// <summary>Where the file ends up after <c>Complete</c>.</summary>
    public string FinalPath { get; }

    /// <summary>The temporary file written while streaming.</summary>
    public string TempPath { get; }

    /// <summary>Longest time between checkpoints while points arrive (default 1 s).</summary>
    public TimeSpan CheckpointInterval
    {
        get => TimeSpan.FromSeconds(_checkpointTicks / (double)Stopwatch.Frequency);
        init => _checkpointTicks = Math.Max(0, (long)(value.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>The open temporary file (after the first <c>Begin</c>).</summary>
    protected Stream Stream => _stream ?? throw new InvalidOperationException("The file is not open.");

    protected void OpenTempFile()
    {
        if (_stream is not null) return;
        var dir = Path.GetDirectoryName(TempPath);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _stream = new RecordBuffer(new FileStream(TempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0))
        {
            WentToFile = PatchHeaders,
        };
        _nextCheckpoint = Stopwatch.GetTimestamp() + _checkpointTicks;
    }

    protected sealed override void OnPointWritten()
    {
        if (_stream is null || Stopwatch.GetTimestamp() < _nextCheckpoint) return;
        Checkpoint();
    }

    /// <summary>
    /// Brings the temporary file up to date now: headers patched for the points so far (<see cref="PatchHeaders"/>)
    /// and every buffered point handed to the operating system. The file keeps its temporary name.
    /// </summary>
    public void Checkpoint()
    {
        if (_stream is null) return;
        PatchHeaders();
        _stream.Flush();
        _nextCheckpoint = Stopwatch.GetTimestamp() + _checkpointTicks;
    }

    /// <summary>Flushes the data (<see cref="FlushData"/>), closes the temporary file and renames it.</summary>
    protected sealed override void OnComplete(bool partial)
    {
        try
        {
            FlushData();
            _stream?.Flush();
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Writes buffered data and patches headers before the file is closed.</summary>
    protected virtual void FlushData() { }

    /// <summary>Makes the headers agree with the points written so far (at a checkpoint).</summary>
    protected virtual void PatchHeaders() { }
}
