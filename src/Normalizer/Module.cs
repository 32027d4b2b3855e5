using System.Runtime.CompilerServices;

// Stack buffers (ids, hashes, digests) are written before they are read: the runtime need not zero them first.
[module: SkipLocalsInit]
