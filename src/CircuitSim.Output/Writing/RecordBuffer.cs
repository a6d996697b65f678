namespace CircuitSim.Output;

/// <summary>
/// A write buffer in front of an unbuffered file that hands the file whole records only: every <see cref="Write(ReadOnlySpan{byte})"/>
/// is one record (a CSV row, a raw-file point, a header) and the buffer goes to the file between records, so a file
/// cut short (a killed process, a full disk) ends where a record ends. Seeking and reading first write the buffer out.
/// Disposing does not write the buffer: call <see cref="Flush"/> first to keep it.
/// </summary>
internal sealed class RecordBuffer : Stream
{
    private readonly FileStream _file;
    private readonly byte[] _buffer;
    private int _used;

    /// <param name="file">A file opened without its own buffer (buffer size 0).</param>
    public RecordBuffer(FileStream file, int capacity = 1 << 18)
    {
        _file = file;
        _buffer = new byte[capacity];
    }

    public override bool CanRead => _file.CanRead;
    public override bool CanSeek => _file.CanSeek;
    public override bool CanWrite => _file.CanWrite;

    public override long Length
    {
        get
        {
            Flush();
            return _file.Length;
        }
    }

    public override long Position
    {
        get => _file.Position + _used;
        set
        {
            Flush();
            _file.Position = value;
        }
    }

    /// <summary>Called after the buffer went to the file because it was full (a writer patches its headers here, so
    /// that they keep up with the points in the file between checkpoints).</summary>
    public Action? WentToFile { get; init; }

    public override void Write(ReadOnlySpan<byte> record)
    {
        if (_used + record.Length > _buffer.Length && _used > 0)
        {
            Flush();
            WentToFile?.Invoke();
        }
        if (record.Length > _buffer.Length)
        {
            _file.Write(record);
            return;
        }
        record.CopyTo(_buffer.AsSpan(_used));
        _used += record.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Hands the buffered records to the operating system (no fsync: a killed process loses nothing that
    /// reached the page cache).</summary>
    public override void Flush()
    {
        if (_used == 0) return;
        // on failure (a full disk) the buffer is dropped: the writer is about to be aborted
        int n = _used;
        _used = 0;
        _file.Write(_buffer, 0, n);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Flush();
        return _file.Read(buffer, offset, count);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Flush();
        return _file.Seek(offset, origin);
    }

    public override void SetLength(long value)
    {
        Flush();
        _file.SetLength(value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
