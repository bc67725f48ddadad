package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Memory is read from /proc: VmHWM is the kernel's own peak resident size
// of a process, VmRSS its current size. A server may be several processes
// (node spawns workers), so both are summed over the process tree.

// treePIDs returns root and all its descendants.
func treePIDs(root int) []int {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if ppid := parentPID(pid); ppid > 0 {
			children[ppid] = append(children[ppid], pid)
		}
	}
	out := []int{root}
	for i := 0; i < len(out); i++ {
		out = append(out, children[out[i]]...)
	}
	return out
}

func parentPID(pid int) int {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return 0
	}
	// The command name may contain spaces and parentheses: skip past the
	// last ')' before splitting.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(fields[1])
	return ppid
}

// statusKB reads one "Key:   123 kB" line of /proc/PID/status.
func statusKB(pid int, key string) int64 {
	f, err := os.Open(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

func treeKB(root int, key string) int64 {
	var sum int64
	for _, pid := range treePIDs(root) {
		sum += statusKB(pid, key)
	}
	return sum
}

// memorySampler polls the tree's RSS so the peak of the sum is known even
// for short-lived children, and reads the summed VmHWM at the end.
type memorySampler struct {
	root    int
	mu      sync.Mutex
	peakRSS int64
	lastHWM int64
	stop    chan struct{}
	done    chan struct{}
}

func startSampler(root int, every time.Duration) *memorySampler {
	m := &memorySampler{root: root, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			m.sample()
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

func (m *memorySampler) sample() {
	rss, hwm := treeKB(m.root, "VmRSS"), treeKB(m.root, "VmHWM")
	m.mu.Lock()
	defer m.mu.Unlock()
	m.peakRSS = max(m.peakRSS, rss)
	// Processes vanish at exit; keep the largest reading seen.
	m.lastHWM = max(m.lastHWM, hwm)
}

// finish takes a last sample while the server is still alive and returns
// (peak sampled RSS, summed VmHWM) in kB.
// hwm is the summed VmHWM of the tree now.
func (m *memorySampler) hwm() int64 {
	m.sample()
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.lastHWM
}

func (m *memorySampler) finish() (int64, int64) {
	close(m.stop)
	<-m.done
	m.sample()
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.peakRSS, m.lastHWM
}

// treeCPU is the processor time (user + system) the living processes of
// root's tree used so far, from /proc/PID/stat.
func treeCPU(root int) time.Duration {
	var ticks int64
	for _, pid := range treePIDs(root) {
		data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
		if err != nil {
			continue
		}
		s := string(data)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		// After the name: state(0) ppid ... utime is field 14 of the
		// line, 11 after the state; stime follows.
		f := strings.Fields(s[i+1:])
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + st
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// clockTicks is USER_HZ, the unit of /proc/PID/stat times: 100 on Linux.
const clockTicks = 100
