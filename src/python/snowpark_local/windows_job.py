"""Windows: everything a run starts dies with its bootstrap, as a process group does on POSIX.

``taskkill /T`` follows parent links, so a grandchild whose parent has exited (a daemon) is
not found by it. A Job Object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE is: the bootstrap puts
itself in one and holds the only handle, every process it starts joins the job, and when
the bootstrap ends, however it ends (taskkill, the lifeline thread, a crash), Windows closes
the handle and kills every process still in the job. Standard library only (ctypes).

Only on Windows; it has never run on the machines this is developed on (Linux), where the
tests check the structure layout against the Windows x64 ABI.
"""

import ctypes
import os

JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000

# The handle must live as long as the process: closing it would kill the job at once.
_job_handle = None


def job_structures():
    """The JOBOBJECT_EXTENDED_LIMIT_INFORMATION layout (winnt.h), built with fixed-size types."""

    class IoCounters(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class BasicLimitInformation(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", ctypes.c_uint32),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", ctypes.c_uint32),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", ctypes.c_uint32),
            ("SchedulingClass", ctypes.c_uint32),
        ]

    class ExtendedLimitInformation(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", BasicLimitInformation),
            ("IoInfo", IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsage", ctypes.c_size_t),
            ("PeakJobMemoryUsage", ctypes.c_size_t),
        ]

    return ExtendedLimitInformation


def contain_in_kill_on_close_job():
    """Put this process in a new kill-on-close job. Returns True if it did; False off Windows
    or where Windows refuses (an older Windows whose outer job forbids nesting): the tree kill
    with taskkill still applies then."""
    global _job_handle
    if os.name != "nt" or _job_handle is not None:
        return _job_handle is not None
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateJobObjectW.restype = ctypes.c_void_p
    kernel32.GetCurrentProcess.restype = ctypes.c_void_p
    kernel32.SetInformationJobObject.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint32]
    kernel32.AssignProcessToJobObject.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return False
    info = job_structures()()
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    configured = kernel32.SetInformationJobObject(
        job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(info), ctypes.sizeof(info))
    if not configured or not kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()):
        kernel32.CloseHandle(job)
        return False
    _job_handle = job
    return True
