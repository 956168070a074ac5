"""The Windows kill-on-close job: off Windows it does nothing, and its structure has the
Windows x64 layout (JOBOBJECT_EXTENDED_LIMIT_INFORMATION is 144 bytes there; a wrong field
would make SetInformationJobObject fail, or set the wrong limit)."""

import ctypes
import os
import unittest

from snowpark_local import windows_job


class WindowsJobTest(unittest.TestCase):
    @unittest.skipIf(os.name == "nt", "the no-op path is for the other platforms")
    def test_does_nothing_off_windows(self):
        self.assertFalse(windows_job.contain_in_kill_on_close_job())
        self.assertIsNone(windows_job._job_handle)

    @unittest.skipUnless(ctypes.sizeof(ctypes.c_void_p) == 8, "the x64 layout needs a 64-bit Python")
    def test_structure_has_the_windows_x64_layout(self):
        info = windows_job.job_structures()
        self.assertEqual(ctypes.sizeof(info), 144)
        basic = info.BasicLimitInformation
        self.assertEqual(basic.offset, 0)
        self.assertEqual(info.IoInfo.offset, 64)
        self.assertEqual(info.ProcessMemoryLimit.offset, 112)
        basic_type = type(info().BasicLimitInformation)
        self.assertEqual(basic_type.LimitFlags.offset, 16)
        self.assertEqual(basic_type.ActiveProcessLimit.offset, 40)
        self.assertEqual(basic_type.Affinity.offset, 48)
        self.assertEqual(basic_type.SchedulingClass.offset, 60)

    def test_the_limit_flag_is_kill_on_job_close(self):
        self.assertEqual(windows_job.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, 0x2000)
        self.assertEqual(windows_job.JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, 9)


if __name__ == "__main__":
    unittest.main()
