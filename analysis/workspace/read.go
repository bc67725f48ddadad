package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
)

// Errors of reading a referenced file.
var (
	ErrIsDir      = errors.New("it is a directory")
	ErrNotRegular = errors.New("it is not a regular file")
)

// TooLargeError reports a file over the size cap.
type TooLargeError struct{ Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("it is larger than %d MiB", e.Limit>>20)
}

// readRegular reads a regular file of at most limit bytes. The file is
// opened non-blocking, so a FIFO cannot stall the open, and checked on the
// open handle, so it cannot be swapped between the check and the read;
// devices such as /dev/zero are refused, never read.
func readRegular(path string, limit int64) ([]byte, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	switch {
	case info.IsDir():
		return nil, nil, ErrIsDir
	case !info.Mode().IsRegular():
		return nil, nil, ErrNotRegular
	case info.Size() > limit:
		return nil, nil, &TooLargeError{Limit: limit}
	}
	// Sized from the file: reading into a growing buffer would copy a big
	// file several times over. (It may have grown since: the buffer grows.)
	var b bytes.Buffer
	b.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, nil, err
	}
	data := b.Bytes()
	if int64(len(data)) > limit {
		return nil, nil, &TooLargeError{Limit: limit}
	}
	return data, info, nil
}
